import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { bufferIO } from '../__fixtures__/read-only-test-io.js';
import { main } from '../main.js';
import { schemaFilePath } from './schema.js';

describe('strands schema', () => {
  it('prints the JSON Schema shipped in @strands-cli/core', async () => {
    const { io, stdout } = bufferIO();
    expect(await main(['schema'], io)).toBe(0);
    const schema = JSON.parse(stdout());
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBe('strands workflow spec');
  });

  it('ties every built-in pattern type to its config schema', async () => {
    const schema = JSON.parse(await readFile(schemaFilePath(), 'utf8')) as {
      properties: {
        pattern: { allOf: { if: { properties: { type: { const: string } } }; then: unknown }[] };
      };
    };
    const branches = schema.properties.pattern.allOf;
    expect(branches.every((branch) => branch.then !== undefined)).toBe(true);
    expect(branches.map((branch) => branch.if.properties.type.const)).toEqual([
      'chain',
      'evaluator_optimizer',
      'graph',
      'orchestrator_workers',
      'parallel',
      'routing',
      'workflow',
    ]);
  });
});
