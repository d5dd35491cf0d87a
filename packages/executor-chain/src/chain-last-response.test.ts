import {
  ClientPool,
  prepareSpec,
  runWorkflow,
  SpecValidationError,
  type WorkflowSpec,
} from '@strands-cli/core';
import { createMockProviderPlugin } from '@strands-cli/core/testing';
import { describe, expect, it } from 'vitest';
import chainExecutor from './index.js';

/** A two-step chain whose steps take the given inputs. */
function chain(first: string, second: string): Record<string, unknown> {
  return {
    version: 1,
    name: 'last-response',
    runtime: { provider: 'mock' },
    agents: { a: { prompt: 'A' }, b: { prompt: 'B' } },
    pattern: {
      type: 'chain',
      config: {
        steps: [
          { agent: 'a', input: first },
          { agent: 'b', input: second },
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

describe('last_response in a chain', () => {
  it('is accepted by validation from the second step on', async () => {
    const loaded = await prepareSpec(chain('Go', 'Improve: {{ last_response }}'), { plugins });
    expect(loaded.analysis.templates[1]?.scope.last_response).toBe('<response of steps[0]>');
  });

  it('is rejected in the first step, with a message saying why', async () => {
    const error = await prepareSpec(chain('Start from {{ last_response }}', 'Go'), { plugins }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SpecValidationError);
    const [issue] = (error as SpecValidationError).issues;
    expect(issue).toMatchObject({ pointer: '/pattern/config/steps/0/input', code: 'template' });
    expect(issue?.message).toBe('template: `last_response` is not available here');
    expect(issue?.hint).toBe(
      'The first step sees only the inputs: there are no earlier steps yet, so no steps and no last_response.',
    );
  });

  it("renders as the previous step's response when the chain runs", async () => {
    const mock = createMockProviderPlugin({ responses: ['draft one', 'final'] });
    await runWorkflow(chain('Go', 'Improve: {{ last_response }}') as unknown as WorkflowSpec, {
      providers: { mock },
      executors: { chain: chainExecutor },
      clientPool: new ClientPool(),
      env: {},
    });
    expect(mock.calls[1]?.messages).toEqual([{ role: 'user', content: 'Improve: draft one' }]);
  });
});
