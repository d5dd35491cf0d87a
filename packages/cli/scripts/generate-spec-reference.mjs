// Writes docs/spec-keys.md (every key of the spec format) from the committed JSON Schema.
// Run after `pnpm --filter @strands-cli/cli build`:  node packages/cli/scripts/generate-spec-reference.mjs
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderSpecReference } from '../dist/schema/spec-reference.js';

const schemaPath = fileURLToPath(new URL('../../core/schema/strands-workflow.schema.json', import.meta.url));
const target = fileURLToPath(new URL('../../../docs/spec-keys.md', import.meta.url));
const schema = JSON.parse(await readFile(schemaPath, 'utf8'));
await writeFile(target, renderSpecReference(schema));
console.log(`wrote ${target}`);
