import { scriptedServerHarness, testModelProvider } from '@strands-cli/core/testing';
import { scriptedReplyFor, startGeminiServer } from '@strands-cli/test-servers';
import geminiProviderPlugin from './index.js';

testModelProvider({
  plugin: geminiProviderPlugin,
  harness: async () => {
    const server = await startGeminiServer();
    return scriptedServerHarness(server, scriptedReplyFor, {
      connection: { host: server.baseURL, env: { GEMINI_API_KEY: 'gm-conformance-key' } },
      modelId: 'gemini-2.5-flash',
    });
  },
});
