import { fanOutExecutor, sequenceExecutor } from '../runtime/__fixtures__/test-executors.js';
import { ProviderCallError } from '../spec/v1/errors.js';
import type { MockTurn } from './mock-model-provider.js';
import { createMockProviderPlugin } from './mock-provider-plugin.js';
import { testExecutor } from './test-executor.js';
import type { HarnessTurn, ModelProviderHarness } from './test-model-provider.js';
import { testModelProvider } from './test-model-provider.js';

/** The mock provider's own "backend": its script, fed from HarnessTurns; one queue per test. */
const queue: MockTurn[] = [];
let requests = 0;
const scriptedPlugin = createMockProviderPlugin({
  responses: () => {
    requests += 1;
    return queue.shift() ?? 'unscripted';
  },
});

function toTurn(turn: HarnessTurn): MockTurn {
  if ('hang' in turn) return { hang: true };
  if ('status' in turn) {
    const kind = turn.status === 429 ? 'rate-limit' : turn.status >= 500 ? 'server' : 'auth';
    return {
      error: new ProviderCallError({
        providerId: 'mock',
        kind,
        message: `HTTP ${turn.status}`,
        statusCode: turn.status,
        retryAfterMs: turn.retryAfterSeconds === undefined ? undefined : turn.retryAfterSeconds * 1000,
        hint: kind === 'auth' ? 'Check the mock credentials.' : undefined,
      }),
    };
  }
  if ('toolCall' in turn) return { toolCalls: [turn.toolCall], usage: turn.usage };
  return { text: turn.text, usage: turn.usage };
}

async function mockHarness(): Promise<ModelProviderHarness> {
  queue.length = 0;
  requests = 0;
  return {
    connection: {
      host: 'http://127.0.0.1:1',
      maxConnections: 2,
      timeouts: { connectMs: 1, headersMs: 1, bodyMs: 1 },
      env: {},
    },
    modelId: 'mock-model-x',
    script: (turns) => {
      queue.splice(0, queue.length, ...turns.map(toTurn));
    },
    get requestCount() {
      return requests;
    },
    close: async () => undefined,
  };
}

testModelProvider({ plugin: scriptedPlugin, harness: mockHarness });

const twoSteps = {
  version: 1,
  name: 'conformance-chain',
  runtime: { provider: 'openai' },
  agents: { writer: { prompt: 'Write.' }, editor: { prompt: 'Edit.' } },
  pattern: {
    type: 'chain',
    config: {
      steps: [
        { agent: 'writer', input: 'Draft about {{ topic }}' },
        { agent: 'editor', input: 'Edit: {{ steps[0].response }}' },
      ],
    },
  },
  inputs: { values: { topic: 'kelp' } },
};

testExecutor({
  executor: sequenceExecutor,
  cases: [{ name: 'two steps', spec: twoSteps, expectResponse: 'mock: Edit: mock: Draft about kelp' }],
});
testExecutor({
  executor: fanOutExecutor,
  cases: [
    {
      name: 'two branches',
      spec: {
        ...twoSteps,
        pattern: {
          type: 'parallel',
          config: {
            steps: [
              { agent: 'writer', input: 'left' },
              { agent: 'editor', input: 'right' },
            ],
          },
        },
      },
      expectResponse: 'mock: left|mock: right',
    },
  ],
});
