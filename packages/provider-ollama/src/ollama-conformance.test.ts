import { scriptedServerHarness, testModelProvider } from '@strands-cli/core/testing';
import { scriptedReplyFor, startOllamaServer } from '@strands-cli/test-servers';
import ollamaProviderPlugin from './index.js';

testModelProvider({
  plugin: ollamaProviderPlugin,
  harness: async () => {
    const server = await startOllamaServer();
    return scriptedServerHarness(server, scriptedReplyFor, {
      connection: { host: server.url, env: {} },
      modelId: 'llama3.1',
    });
  },
});
