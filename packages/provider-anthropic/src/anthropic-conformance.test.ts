import { scriptedServerHarness, testModelProvider } from '@strands-cli/core/testing';
import { scriptedReplyFor, startAnthropicServer } from '@strands-cli/test-servers';
import anthropicProviderPlugin from './index.js';

testModelProvider({
  plugin: anthropicProviderPlugin,
  harness: async () => {
    const server = await startAnthropicServer();
    return scriptedServerHarness(server, scriptedReplyFor, {
      connection: { host: server.baseURL, env: { ANTHROPIC_API_KEY: 'sk-ant-conformance' } },
      modelId: 'claude-sonnet-4-20250514',
    });
  },
});
