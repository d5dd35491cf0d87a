import type { ModelRequestV1 } from '@strands-cli/core/spec';
import { startOllamaServer } from '@strands-cli/test-servers';
import { testTransport, withLoopbackProvider } from '@strands-cli/test-servers/vitest';
import { createOllamaProvider } from '../ollama-model-provider.js';

export { reply, startOllamaServer } from '@strands-cli/test-servers';
export { drainStream } from '@strands-cli/test-servers/vitest';

/** The smallest model turn. */
export const hello: ModelRequestV1 = { modelId: 'llama3.1', messages: [{ role: 'user', content: 'hi' }] };

/** `it` with a fresh loopback Ollama server and a client on it (`{ server, provider }`) per test. */
export const it = withLoopbackProvider(startOllamaServer, (server) =>
  createOllamaProvider({ host: server.url, ...testTransport }),
);

/** {@link it} with a client that gives up after 200 ms without headers or body bytes, for stall tests. */
export const itImpatient = withLoopbackProvider(startOllamaServer, (server) =>
  createOllamaProvider({ host: server.url, timeouts: { connectMs: 1000, headersMs: 200, bodyMs: 200 } }),
);
