import { fileURLToPath } from 'node:url';
import { closeClientPool, runWorkflow } from '@strands-cli/core';
import { reply, startOpenAIServer } from '@strands-cli/test-servers';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually, ordersSecret, startOrdersApi, writeFixtureSpec } from './tools-fixtures.js';

afterAll(async () => {
  await closeClientPool();
});

describe('HTTP executor tools through runWorkflow (in process)', () => {
  it('closes the executor connections when the run ends, while the process lives on', async () => {
    const api = await startOrdersApi();
    const model = await startOpenAIServer();
    try {
      const { directory, file } = await writeFixtureSpec('http-executor.yaml', {
        API_ORIGIN: api.origin,
        TIMEOUT_MS: '5000',
      });
      model.enqueue(reply.toolCalls([{ name: 'orders', input: { path: '/orders/42' } }]));
      const result = await runWorkflow(file, {
        cwd: directory,
        env: { OPENAI_API_KEY: 'sk-e2e', OPENAI_BASE_URL: model.baseURL, E2E_ORDERS_KEY: ordersSecret },
        allowPrivateNetwork: true,
        // The CLI package has every executor and provider installed.
        searchFrom: [fileURLToPath(new URL('../../packages/cli/', import.meta.url))],
      });
      expect(api.requests).toEqual([{ url: '/api/orders/42', authorization: `Bearer ${ordersSecret}` }]);
      expect(result.response).toContain('EUR 99.50');
      expect(api.connections()).toBe(1);
      // The API keeps idle connections for 60 s; only the run's close() can have ended this one.
      await eventually(() => api.openConnections() === 0);
    } finally {
      await model.close();
      await api.close();
    }
  });
});
