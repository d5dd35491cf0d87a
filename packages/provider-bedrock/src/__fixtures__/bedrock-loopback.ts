import type { ModelRequestV1 } from '@strands-cli/core/spec';
import { startBedrockServer } from '@strands-cli/test-servers';
import { testTransport, withLoopbackProvider } from '@strands-cli/test-servers/vitest';
import { createBedrockProvider } from '../bedrock-model-provider.js';

export { reply } from '@strands-cli/test-servers';
export { drainStream } from '@strands-cli/test-servers/vitest';

/** A Bedrock model id as the service spells it (with the `:0` version). */
export const modelId = 'us.anthropic.claude-3-sonnet-20240229-v1:0';

/** The smallest model turn. */
export const hello: ModelRequestV1 = { modelId, messages: [{ role: 'user', content: 'hi' }] };

/** Static test credentials (the loopback server ignores signatures). */
export const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };

/** `it` with a fresh loopback Bedrock server and a client on it (`{ server, provider }`) per test. */
export const it = withLoopbackProvider(startBedrockServer, (server) =>
  createBedrockProvider({ region: 'eu-west-1', endpoint: server.url, credentials, ...testTransport }),
);

/** {@link it} with a client that gives up after 200 ms without headers or body bytes, for stall tests. */
export const itImpatient = withLoopbackProvider(startBedrockServer, (server) =>
  createBedrockProvider({
    region: 'us-east-1',
    endpoint: server.url,
    credentials,
    timeouts: { connectMs: 1000, headersMs: 200, bodyMs: 200 },
  }),
);
