import { scriptedServerHarness, testModelProvider } from '@strands-cli/core/testing';
import { scriptedReplyFor, startOpenAIServer } from '@strands-cli/test-servers';
import openAIProviderPlugin from './index.js';

testModelProvider({
  plugin: openAIProviderPlugin,
  harness: async () => {
    const server = await startOpenAIServer();
    return scriptedServerHarness(server, scriptedReplyFor, {
      connection: { host: server.baseURL, env: { OPENAI_API_KEY: 'sk-conformance' } },
      modelId: 'gpt-4o-mini',
    });
  },
});
