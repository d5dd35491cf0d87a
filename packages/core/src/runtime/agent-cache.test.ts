import { describe, expect, it } from 'vitest';
import type { WorkflowSpec } from '../spec-file/schema/workflow-spec.js';
import { createMockProviderPlugin } from '../testing/mock-provider-plugin.js';
import { echoTool, fakeRunTools } from './__fixtures__/test-executors.js';
import { AgentCache } from './agent-cache.js';
import { ClientPool } from './client-pool.js';
import type { RunEventInput } from './run-events.js';
import { defaultTransportTimeouts } from './run-types.js';

function setup(
  agents: WorkflowSpec['agents'],
  runtime: Partial<WorkflowSpec['runtime']> = {},
  tools?: WorkflowSpec['tools'],
) {
  const spec = {
    version: 1,
    name: 'cache-test',
    description: 'Checks the cache',
    runtime: { provider: 'mock', ...runtime },
    ...(tools === undefined ? {} : { tools }),
    agents,
    pattern: { type: 'chain', config: {} },
  } as WorkflowSpec;
  const mock = createMockProviderPlugin();
  const other = createMockProviderPlugin({ id: 'other', defaultModelId: 'other-default' });
  const events: RunEventInput[] = [];
  const runTools = fakeRunTools([echoTool('alpha'), echoTool('beta'), echoTool('gamma')]);
  const cache = new AgentCache({
    spec,
    runTools,
    pool: new ClientPool(),
    plugins: new Map([
      ['mock', mock],
      ['other', other],
    ]),
    connection: { maxConnections: 4, timeouts: defaultTransportTimeouts, env: {} },
    emit: (event) => events.push(event),
  });
  return { cache, mock, other, events, runTools };
}

describe('AgentCache', () => {
  it("gives an agent without a tools list the spec's tools.python entries and HTTP executors, one with a list only its own", async () => {
    const { cache } = setup(
      { searcher: { prompt: 'Search.' }, writer: { prompt: 'Write.', tools: ['beta'] } },
      {},
      { python: ['alpha'], http_executors: [{ id: 'gamma', base_url: 'https://gamma.example' }] },
    );
    const [searcher, writer] = await Promise.all([cache.get('searcher'), cache.get('writer')]);
    expect(searcher?.tools.map((tool) => tool.name)).toEqual(['alpha', 'gamma']);
    expect(writer?.tools.map((tool) => tool.name)).toEqual(['beta']);
  });

  it('builds an agent once however often it is asked for', async () => {
    const { cache, mock } = setup({ writer: { prompt: 'Write.' } });
    const agents = await Promise.all(Array.from({ length: 10 }, () => cache.get('writer')));
    expect(new Set(agents).size).toBe(1);
    expect(cache.counts).toEqual({ agentsBuilt: 1, agentsReused: 9, clientsCreated: 1, clientsReused: 0 });
    expect(mock.stats.creates).toBe(1);
  });

  it('shares one client between agents on the same provider and host', async () => {
    const { cache, mock } = setup({
      a: { prompt: 'A', model_id: 'model-a' },
      b: { prompt: 'B', model_id: 'model-b', inference: { temperature: 0.1 } },
    });
    const [a, b] = await Promise.all([cache.get('a'), cache.get('b')]);
    expect(a?.model.client).toBe(b?.model.client);
    expect([a?.model.modelId, b?.model.modelId]).toEqual(['model-a', 'model-b']);
    expect(cache.counts).toMatchObject({ agentsBuilt: 2, clientsCreated: 1, clientsReused: 1 });
    expect(mock.stats.creates).toBe(1);
  });

  it('creates another client for another host or provider', async () => {
    const { cache, mock, other } = setup({
      a: { prompt: 'A' },
      b: { prompt: 'B', host: 'http://127.0.0.1:9' },
      c: { prompt: 'C', provider: 'other' },
    });
    const c = await cache.get('c');
    await cache.get('a');
    await cache.get('b');
    expect(mock.stats.creates).toBe(2);
    expect(other.stats.creates).toBe(1);
    expect(c.model.modelId).toBe('other-default');
  });

  it('builds different agents for different tool sets, ignoring order', async () => {
    const { cache } = setup({ a: { prompt: 'A', tools: ['alpha', 'beta'] } });
    const own = await cache.get('a');
    const reordered = await cache.get('a', ['beta', 'alpha']);
    const onlyAlpha = await cache.get('a', ['alpha']);
    const none = await cache.get('a', []);
    expect(reordered).toBe(own);
    expect(onlyAlpha).not.toBe(own);
    expect(none).not.toBe(onlyAlpha);
    expect(own.tools.map((tool) => tool.name)).toEqual(['alpha', 'beta']);
    expect(onlyAlpha.toolDefinitions.map((tool) => tool.name)).toEqual(['alpha']);
    expect(none.tools).toEqual([]);
    expect(cache.counts.agentsBuilt).toBe(3);
  });

  it('builds immutable agents with the system prompt of behaviour §2.5 and the tools section', async () => {
    const { cache } = setup({ a: { prompt: 'Be brief.', tools: ['alpha'] } }, { budgets: { max_steps: 5 } });
    const agent = await cache.get('a');
    expect(Object.isFrozen(agent)).toBe(true);
    expect(agent.systemPrompt).toBe(
      [
        'Be brief.',
        '# Runtime Context\n\n- **Workflow:** cache-test\n- **Description:** Checks the cache\n- **Agent ID:** a\n- **Budgets:**\n  - max_steps: 5',
        '# Tools\n\nalpha',
      ].join('\n\n'),
    );
  });

  it('emits build, reuse and client events', async () => {
    const { cache, events } = setup({ a: { prompt: 'A' } });
    await cache.get('a');
    await cache.get('a');
    expect(events.map((event) => event.type)).toEqual(['client-create', 'agent-build', 'agent-reuse']);
  });

  it('rejects an unknown agent with a fix', async () => {
    const { cache } = setup({ a: { prompt: 'A' } });
    await expect(cache.get('ghost')).rejects.toMatchObject({
      name: 'RuntimeFailure',
      message: "Unknown agent 'ghost'",
    });
  });

  it('close() releases the run tools once and refuses new agents', async () => {
    const { cache, runTools } = setup({ a: { prompt: 'A' } });
    await cache.get('a');
    await cache.close();
    await cache.close();
    expect(runTools.closes).toBe(1);
    expect(cache.closed).toBe(true);
    await expect(cache.get('a')).rejects.toThrow('already closed');
  });
});
