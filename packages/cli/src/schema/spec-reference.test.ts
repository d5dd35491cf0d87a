import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { schemaFilePath } from '../commands/schema.js';
import { renderSpecReference } from './spec-reference.js';

const committedPath = new URL('../../../../docs/spec-keys.md', import.meta.url);

describe('renderSpecReference', () => {
  it('is what docs/spec-keys.md holds (regenerate: node packages/cli/scripts/generate-spec-reference.mjs)', async () => {
    const committed = await readFile(committedPath, 'utf8');
    const schema = JSON.parse(await readFile(schemaFilePath(), 'utf8'));
    expect(committed).toBe(renderSpecReference(schema));
  });

  it('lists nested keys, list items, map values, variants and constraints', () => {
    const reference = renderSpecReference({
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string', minLength: 1, description: 'The name.' },
        agents: {
          type: 'object',
          additionalProperties: {
            anyOf: [
              { type: 'object', properties: { prompt: { type: 'string' } }, required: ['prompt'] },
              {
                type: 'object',
                properties: { prompt: { type: 'string' }, $ref: { type: 'string' } },
                required: ['$ref'],
              },
            ],
          },
        },
        runtime: {
          type: 'object',
          properties: {
            max_parallel: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
            backoff: { type: 'string', enum: ['constant', 'jittered'] },
            tags: { type: 'array', items: { type: 'string', pattern: '^[a-z]+$' } },
          },
        },
        pattern: {
          oneOf: [
            {
              type: 'object',
              properties: {
                type: { const: 'chain' },
                config: {
                  type: 'object',
                  properties: {
                    steps: {
                      type: 'array',
                      items: {
                        anyOf: [
                          { type: 'object', properties: { agent: { type: 'string' } }, required: ['agent'] },
                          {
                            type: 'object',
                            properties: { type: { const: 'hitl' }, prompt: { type: 'string' } },
                            required: ['type', 'prompt'],
                          },
                        ],
                      },
                    },
                  },
                },
              },
            },
          ],
        },
      },
    });
    expect(reference).toContain('| `name` | string | yes | The name. At least 1 character. |');
    expect(reference).toContain('| `agents.<agent_id>.prompt` | string | unless `$ref` is set |  |');
    expect(reference).toContain('| `agents.<agent_id>.$ref` | string |  |  |');
    expect(reference).toContain('| `runtime.max_parallel` | integer |  | ≥ 1. |');
    expect(reference).toContain('| `runtime.backoff` | one of `constant`, `jittered` |  |  |');
    expect(reference).toContain('| `runtime.tags` | list of string |  | Matches `^[a-z]+$`. |');
    expect(reference).toContain('## pattern: `type: chain`');
    expect(reference).toContain('| `config.steps[].agent` | string | yes |  |');
    expect(reference).toContain('| `config.steps[].prompt` | string | yes | Only with `type: hitl`. |');
  });
});
