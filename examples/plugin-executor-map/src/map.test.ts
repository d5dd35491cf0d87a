import { ClientPool, runWorkflow, type WorkflowSpec } from '@strands-cli/core';
import { createMockProviderPlugin, testExecutor } from '@strands-cli/core/testing';
import { describe, expect, it } from 'vitest';
import mapExecutor from './index.js';

const type = '@acme/strands-executor-map';

/** A spec using the map pattern; `config` replaces parts of the pattern config. */
function mapSpec(config: Record<string, unknown>, values: Record<string, unknown> = {}): WorkflowSpec {
  return {
    version: 0,
    name: 'map-test',
    runtime: { provider: 'openai', model_id: 'gpt-test', max_parallel: 2 },
    inputs: { values },
    agents: {
      guide: { prompt: 'You describe cities in one sentence.' },
      editor: { prompt: 'You merge notes.' },
    },
    pattern: { type, config: { agent: 'guide', items: ['Oslo', 'Lima'], ...config } },
  } as WorkflowSpec;
}

// The contract every executor must meet, checked by the core's conformance suite.
testExecutor({
  executor: mapExecutor,
  cases: [
    {
      name: 'a literal list with a reduce step',
      spec: mapSpec({
        input: 'Describe {{ item }}.',
        reduce: { agent: 'editor', input: '{{ results | tojson }}' },
      }),
      expectResponse: /^mock: \[/,
    },
    {
      name: 'items from an input variable',
      spec: mapSpec({ items: '{{ cities | tojson }}' }, { cities: ['Oslo', 'Lima', 'Pune'] }),
      expectResponse: 'mock: Oslo\n\nmock: Lima\n\nmock: Pune',
    },
  ],
});

/** Runs a map spec against a mock provider that echoes its input. */
async function run(spec: WorkflowSpec, vars?: Record<string, string>) {
  const mock = createMockProviderPlugin();
  const result = await runWorkflow(spec, {
    vars,
    providers: { openai: mock },
    executors: { [type]: mapExecutor },
    clientPool: new ClientPool(),
    env: {},
  });
  return { result, mock };
}

describe('the map pattern', () => {
  it('runs the agent once per item, builds it once, and gives results to the reduce step', async () => {
    const { result, mock } = await run(
      mapSpec({
        input: '{{ index }}: {{ item }}',
        reduce: { agent: 'editor', input: '{% for r in results %}[{{ r.response }}]{% endfor %}' },
      }),
    );
    expect(mock.calls).toHaveLength(3);
    expect(result.counts.agentsBuilt).toBe(2);
    expect(result.response).toBe('mock: [mock: 0: Oslo][mock: 1: Lima]');
    expect(result.context.results).toEqual([
      { index: 0, item: 'Oslo', response: 'mock: 0: Oslo' },
      { index: 1, item: 'Lima', response: 'mock: 1: Lima' },
    ]);
  });

  it('takes one item per line from a rendered text, e.g. a --var', async () => {
    const { result } = await run(mapSpec({ items: '{{ cities }}' }, { cities: '' }), {
      cities: 'Oslo\n\nLima\n',
    });
    expect(result.response).toBe('mock: Oslo\n\nmock: Lima');
  });

  it('refuses more items than max_items before calling any model', async () => {
    const failure = await run(mapSpec({ items: '{{ cities }}', max_items: 1 }, { cities: 'a\nb' })).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ exitCode: 10 });
    expect((failure as Error).message).toContain('2 items, more than max_items (1)');
  });

  it('reports a malformed JSON list with a fix', async () => {
    const failure = await run(mapSpec({ items: '[1, 2' })).catch((error: unknown) => error);
    expect((failure as Error).message).toContain('looks like a JSON array but does not parse');
    expect(failure).toMatchObject({ hint: expect.stringContaining('tojson') });
  });

  it('names the failing item and its agent (the core names every failed invocation)', async () => {
    const mock = createMockProviderPlugin({
      responses: (request) => {
        const first = request.messages[0];
        const input = first?.role === 'user' ? first.content : '';
        return input === 'Lima' ? { error: new Error('model refused') } : `mock: ${input}`;
      },
    });
    const failure = await runWorkflow(mapSpec({}), {
      providers: { openai: mock },
      executors: { [type]: mapExecutor },
      clientPool: new ClientPool(),
      env: {},
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ exitCode: 10, name: 'StepFailedError' });
    expect((failure as Error).message).toBe("item 2 (agent 'guide') failed: model refused");
  });

  it('rejects unknown config keys', () => {
    expect(mapExecutor.configSchema.safeParse({ agent: 'a', items: ['x'], itmes: [] }).success).toBe(false);
  });
});
