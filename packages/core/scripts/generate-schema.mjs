// Writes schema/strands-workflow.schema.json (what editors and `strands schema` use) from the core's
// zod schemas and the built-in executors' pattern configs. The core never depends on its executors, so
// it loads them by name, as a run does, from the CLI's folder (the package that installs them).
// Run after `pnpm build`:  node packages/core/scripts/generate-schema.mjs
// With --check it writes nothing and fails when the committed file is stale (tests-e2e runs that).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { builtinPatternTypes } from '../dist/bundle/builtin-plugins.js';
import { buildWorkflowJsonSchema, loadExecutor } from '../dist/bundle/index.js';

const target = fileURLToPath(new URL('../schema/strands-workflow.schema.json', import.meta.url));
const cliDirectory = fileURLToPath(new URL('../../cli/', import.meta.url));

const configs = {};
for (const type of builtinPatternTypes) {
  const executor = await loadExecutor(type, { searchFrom: [cliDirectory] });
  configs[executor.id] = executor.configSchema;
}
const text = `${JSON.stringify(buildWorkflowJsonSchema(configs), null, 2)}\n`;

if (process.argv.includes('--check')) {
  if ((await readFile(target, 'utf8')) !== text) {
    console.error(`${target} is stale: run node packages/core/scripts/generate-schema.mjs after pnpm build`);
    process.exitCode = 1;
  }
} else {
  await writeFile(target, text);
  console.log(`wrote ${target}`);
}
