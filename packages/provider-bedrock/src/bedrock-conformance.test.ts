import { type ModelProviderHarness, testModelProvider } from '@strands-cli/core/testing';
import { scriptedReplyFor, startBedrockServer } from '../../../tests-e2e/src/servers/index.js';
import bedrockProviderPlugin from './index.js';

async function startHarness(): Promise<ModelProviderHarness> {
  const server = await startBedrockServer();
  return {
    connection: {
      host: server.url,
      region: 'us-east-1',
      maxConnections: 4,
      timeouts: { connectMs: 2000, headersMs: 5000, bodyMs: 5000 },
      env: { AWS_ACCESS_KEY_ID: 'AKIDCONFORMANCE', AWS_SECRET_ACCESS_KEY: 'secret' },
    },
    modelId: 'us.anthropic.claude-3-sonnet-20240229-v1:0',
    script: (turns) => server.enqueue(...turns.map(scriptedReplyFor)),
    get requestCount() {
      return server.requests.length;
    },
    close: () => server.close(),
  };
}

testModelProvider({ plugin: bedrockProviderPlugin, harness: startHarness });
