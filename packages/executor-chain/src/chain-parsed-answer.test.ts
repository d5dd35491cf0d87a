import { prepareSpec, SpecValidationError } from '@strands-cli/core';
import { createMockProviderPlugin } from '@strands-cli/core/testing';
import { describe, expect, it } from 'vitest';
import chainExecutor from './index.js';

/** A chain whose second step reads `steps[0].json.priority`; the first agent may declare a schema. */
function chain(firstAgent: Record<string, unknown>): Record<string, unknown> {
  return {
    version: 1,
    name: 'parsed-answer',
    runtime: { provider: 'mock' },
    agents: { first: firstAgent, second: { prompt: 'B' } },
    pattern: {
      type: 'chain',
      config: {
        steps: [
          { agent: 'first', input: 'Classify' },
          { agent: 'second', input: 'Priority {{ steps[0].json.priority }}' },
        ],
      },
    },
  };
}

const plugins = {
  searchFrom: [],
  executors: { chain: chainExecutor },
  providers: { mock: createMockProviderPlugin() },
};

describe('steps[n].json in a chain', () => {
  it('is accepted when the agent declares an output_schema', async () => {
    const schema = { type: 'object', properties: { priority: { type: 'string' } } };
    await expect(
      prepareSpec(chain({ prompt: 'A', output_schema: schema }), { plugins }),
    ).resolves.toBeDefined();
  });

  it('is refused before the run when the agent declares none, saying how to fix it', async () => {
    const error = await prepareSpec(chain({ prompt: 'A' }), { plugins }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SpecValidationError);
    const [issue] = (error as SpecValidationError).issues;
    expect(issue).toMatchObject({ pointer: '/pattern/config/steps/1/input', code: 'template' });
    expect(issue?.message).toMatch(/^template: `steps\[0\]\.json/);
    expect(issue?.hint).toMatch(/output_schema/);
  });
});
