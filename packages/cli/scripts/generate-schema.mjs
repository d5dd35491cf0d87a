// Writes packages/core/schema/strands-workflow.schema.json from the zod schemas (core + built-in
// executors). Run after `pnpm --filter @strands-cli/cli build`:  node packages/cli/scripts/generate-schema.mjs
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { builtinWorkflowJsonSchema, serializeSchema } from '../dist/schema/workflow-json-schema.js';

const target = fileURLToPath(new URL('../../core/schema/strands-workflow.schema.json', import.meta.url));
await writeFile(target, serializeSchema(builtinWorkflowJsonSchema()));
console.log(`wrote ${target}`);
