import type { ModelRequestV1 } from '@strands-cli/core/spec';
import { startGeminiServer } from '@strands-cli/test-servers';
import { testTransport, withLoopbackProvider } from '@strands-cli/test-servers/vitest';
import { createGeminiProvider } from '../gemini-model-provider.js';

export { reply } from '@strands-cli/test-servers';
export { drainStream } from '@strands-cli/test-servers/vitest';

/** The smallest model turn. */
export const hello: ModelRequestV1 = {
  modelId: 'gemini-2.5-flash',
  messages: [{ role: 'user', content: 'hi' }],
};

/** `it` with a fresh loopback Gemini server and a client on it (`{ server, provider }`) per test. */
export const it = withLoopbackProvider(startGeminiServer, (server) =>
  createGeminiProvider({ apiKey: 'gm-test-key', baseURL: server.baseURL, ...testTransport }),
);

/** {@link it} with a client that gives up after 200 ms without headers or body bytes, for stall tests. */
export const itImpatient = withLoopbackProvider(startGeminiServer, (server) =>
  createGeminiProvider({
    apiKey: 'k',
    baseURL: server.baseURL,
    timeouts: { connectMs: 1000, headersMs: 200, bodyMs: 200 },
  }),
);
