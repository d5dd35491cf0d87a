import type { ModelRequestV1 } from '@strands-cli/core/spec';
import { startOpenAIServer } from '@strands-cli/test-servers';
import { testTransport, withLoopbackProvider } from '@strands-cli/test-servers/vitest';
import { createOpenAIProvider } from '../openai-model-provider.js';

export { reply } from '@strands-cli/test-servers';
export { drainStream } from '@strands-cli/test-servers/vitest';

/** The smallest model turn. */
export const hello: ModelRequestV1 = { modelId: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] };

/** `it` with a fresh loopback OpenAI server and a client on it (`{ server, provider }`) per test. */
export const it = withLoopbackProvider(startOpenAIServer, (server) =>
  createOpenAIProvider({ apiKey: 'sk-test', baseURL: server.baseURL, ...testTransport }),
);

/** {@link it} with a client that gives up after 200 ms without headers or body bytes, for stall tests. */
export const itImpatient = withLoopbackProvider(startOpenAIServer, (server) =>
  createOpenAIProvider({
    apiKey: 'k',
    baseURL: server.baseURL,
    timeouts: { connectMs: 1000, headersMs: 200, bodyMs: 200 },
  }),
);
