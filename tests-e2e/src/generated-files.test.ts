import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const generateSchema = fileURLToPath(
  new URL('../../packages/core/scripts/generate-schema.mjs', import.meta.url),
);

// The core's script loads the built-in executors, which are built after the core: only a harness that
// runs once every package is built can check the committed file against them.
describe('generated files', () => {
  it('the committed JSON Schema is what the zod schemas produce (regenerate: node packages/core/scripts/generate-schema.mjs)', async () => {
    const { stderr } = await promisify(execFile)(process.execPath, [generateSchema, '--check']);
    expect(stderr).toBe('');
  });
});
