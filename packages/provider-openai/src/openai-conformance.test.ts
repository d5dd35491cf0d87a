import { type ModelProviderHarness, testModelProvider } from '@strands-cli/core/testing';
import { scriptedReplyFor, startOpenAIServer } from '../../../tests-e2e/src/servers/index.js';
import openAIProviderPlugin from './index.js';

async function startHarness(): Promise<ModelProviderHarness> {
  const server = await startOpenAIServer();
  return {
    connection: {
      host: server.baseURL,
      maxConnections: 4,
      timeouts: { connectMs: 2000, headersMs: 5000, bodyMs: 5000 },
      env: { OPENAI_API_KEY: 'sk-conformance' },
    },
    modelId: 'gpt-4o-mini',
    script: (turns) => server.enqueue(...turns.map(scriptedReplyFor)),
    get requestCount() {
      return server.requests.length;
    },
    close: () => server.close(),
  };
}

testModelProvider({ plugin: openAIProviderPlugin, harness: startHarness });
