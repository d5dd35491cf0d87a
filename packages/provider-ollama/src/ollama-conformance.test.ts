import { type ModelProviderHarness, testModelProvider } from '@strands-cli/core/testing';
import { scriptedReplyFor, startOllamaServer } from '../../../tests-e2e/src/servers/index.js';
import ollamaProviderPlugin from './index.js';

async function startHarness(): Promise<ModelProviderHarness> {
  const server = await startOllamaServer();
  return {
    connection: {
      host: server.url,
      maxConnections: 4,
      timeouts: { connectMs: 2000, headersMs: 5000, bodyMs: 5000 },
      env: {},
    },
    modelId: 'llama3.1',
    script: (turns) => server.enqueue(...turns.map(scriptedReplyFor)),
    get requestCount() {
      return server.requests.length;
    },
    close: () => server.close(),
  };
}

testModelProvider({ plugin: ollamaProviderPlugin, harness: startHarness });
