import { scriptedServerHarness, testModelProvider } from '@strands-cli/core/testing';
import { scriptedReplyFor, startBedrockServer } from '@strands-cli/test-servers';
import bedrockProviderPlugin from './index.js';

testModelProvider({
  plugin: bedrockProviderPlugin,
  harness: async () => {
    const server = await startBedrockServer();
    return scriptedServerHarness(server, scriptedReplyFor, {
      connection: {
        host: server.url,
        region: 'us-east-1',
        env: { AWS_ACCESS_KEY_ID: 'AKIDCONFORMANCE', AWS_SECRET_ACCESS_KEY: 'secret' },
      },
      modelId: 'us.anthropic.claude-3-sonnet-20240229-v1:0',
    });
  },
});
