import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rejectionOf, runWithMock } from './__fixtures__/run-harness.js';
import { chainSpec } from './__fixtures__/test-executors.js';

const tenSteps = Array.from({ length: 10 }, (_, index) => ({
  agent: 'writer',
  input: index === 0 ? 'start' : `continue from {{ steps[${index - 1}].response }}`,
}));

describe('runWorkflow', () => {
  it('builds one agent and creates one client for a 10-step chain with one agent', async () => {
    const { pending, mock, pool } = runWithMock(chainSpec(tenSteps));
    const result = await pending;
    expect(result.counts).toMatchObject({
      agentsBuilt: 1,
      agentsReused: 9,
      clientsCreated: 1,
      clientsReused: 0,
      invocations: 10,
      requests: 10,
      retries: 0,
      providers: { mock: { requests: 10, retries: 0 } },
    });
    expect(mock.stats.creates).toBe(1);
    expect(pool.stats.creates).toBe(1);
    expect(result.steps).toHaveLength(10);
    expect(result.usage).toEqual({ inputTokens: 100, outputTokens: 50, totalTokens: 150 });
    // Each step saw the previous step's response through the template.
    expect(mock.calls[1]?.messages).toEqual([{ role: 'user', content: 'continue from mock: start' }]);
  });

  it('reuses the pooled client in a second run of the same process', async () => {
    const first = runWithMock(chainSpec([{ agent: 'a', input: 'x' }]));
    await first.pending;
    const second = runWithMock(chainSpec([{ agent: 'a', input: 'x' }]), undefined, {
      providers: { mock: first.mock },
      clientPool: first.pool,
    });
    const result = await second.pending;
    expect(result.counts).toMatchObject({ clientsCreated: 0, clientsReused: 1, agentsBuilt: 1 });
    expect(first.mock.stats.creates).toBe(1);
  });

  it('shares one client between two agents on the same provider and host', async () => {
    const { pending, mock } = runWithMock(
      chainSpec([
        { agent: 'researcher', input: 'a' },
        { agent: 'writer', input: 'b' },
      ]),
    );
    const result = await pending;
    expect(result.counts).toMatchObject({ agentsBuilt: 2, clientsCreated: 1, clientsReused: 1 });
    expect(mock.stats.creates).toBe(1);
  });

  it('emits events in order', async () => {
    const { pending, events } = runWithMock(
      chainSpec([
        { agent: 'a', input: 'one' },
        { agent: 'a', input: 'two' },
      ]),
      undefined,
      { stream: true },
    );
    await pending;
    expect(events.map((event) => event.type)).toEqual([
      'run-start',
      'step-start',
      'client-create',
      'agent-build',
      'model-request',
      'text-delta',
      'text-delta',
      'usage',
      'step-end',
      'step-start',
      'agent-reuse',
      'model-request',
      'text-delta',
      'text-delta',
      'usage',
      'step-end',
      'run-end',
    ]);
    expect(
      events
        .filter((event) => event.type === 'text-delta')
        .map((event) => event.text)
        .join(''),
    ).toBe('mock: onemock: two');
  });

  it('streams only when asked: no text-delta without stream', async () => {
    const { pending, events, mock } = runWithMock(chainSpec([{ agent: 'a', input: 'one' }]), undefined, {
      stream: false,
    });
    await pending;
    expect(events.some((event) => event.type === 'text-delta')).toBe(false);
    expect(mock.calls).toHaveLength(1);
  });

  it('runs a chain end to end and writes artifacts with the HEAD variable merge', async () => {
    const out = await mkdtemp(join(tmpdir(), 'strands-run-'));
    const document = chainSpec(
      [
        { agent: 'researcher', input: 'Research {{ topic }}' },
        { agent: 'writer', input: 'Write about {{ steps[0].response }} for {{ audience }}' },
      ],
      {
        inputs: { values: { topic: 'tide pools', audience: 'kids' } },
        outputs: {
          artifacts: [
            { path: '{{ topic }}/report.md', from: '# {{ topic }}\n\n{{ last_response }}' },
            { path: 'steps.txt', from: '{{ steps | length }} steps, first: {{ steps[0].response }}' },
          ],
        },
      },
    );
    const { pending } = runWithMock(document, undefined, { out, vars: ['audience=adults'] });
    const result = await pending;
    expect(result.response).toBe('mock: Write about mock: Research tide pools for adults');
    expect(result.artifacts).toEqual([join(out, 'tide_pools', 'report.md'), join(out, 'steps.txt')]);
    expect(await readFile(join(out, 'tide_pools', 'report.md'), 'utf8')).toBe(
      '# tide pools\n\nmock: Write about mock: Research tide pools for adults',
    );
    expect(await readFile(join(out, 'steps.txt'), 'utf8')).toBe('2 steps, first: mock: Research tide pools');
    expect((await readdir(out)).sort()).toEqual(['steps.txt', 'tide_pools']);
  });

  it("lets artifacts quote the spec's name, runtime and context policy, with inputs taking precedence", async () => {
    const out = await mkdtemp(join(tmpdir(), 'strands-run-'));
    const document = chainSpec([{ agent: 'a', input: 'x' }], {
      description: 'described',
      runtime: { provider: 'mock', model_id: 'm-1' },
      context_policy: { compaction: { enabled: true, when_tokens_over: 1234 } },
      inputs: { values: { description: 'from inputs' } },
      outputs: {
        artifacts: [
          {
            path: 'meta.md',
            from: '{{ name }}|{{ runtime.model_id }}|{{ context_policy.compaction.when_tokens_over }}|{{ description }}',
          },
        ],
      },
    });
    await runWithMock(document, undefined, { out }).pending;
    expect(await readFile(join(out, 'meta.md'), 'utf8')).toBe('test-run|m-1|1234|from inputs');
  });

  it('writes no artifact when an artifact template fails, and exits 12', async () => {
    const out = await mkdtemp(join(tmpdir(), 'strands-run-'));
    const document = chainSpec([{ agent: 'a', input: 'x' }], {
      outputs: {
        artifacts: [
          { path: 'good.md', from: 'fine' },
          { path: 'bad.md', from: '{{ missing_name }}' },
        ],
      },
    });
    const error = await rejectionOf(runWithMock(document, undefined, { out }).pending);
    expect(error.exitCode).toBe(12);
    expect(error.message).toContain('missing_name');
    expect(await readdir(out)).toEqual([]);
  });

  it('refuses to overwrite an artifact without force, and overwrites with it', async () => {
    const out = await mkdtemp(join(tmpdir(), 'strands-run-'));
    const document = chainSpec([{ agent: 'a', input: 'x' }], {
      outputs: { artifacts: [{ path: 'out.md', from: '{{ last_response }}' }] },
    });
    await runWithMock(document, ['first'], { out }).pending;
    const error = await rejectionOf(runWithMock(document, ['second'], { out }).pending);
    expect(error.exitCode).toBe(12);
    expect(error.message).toContain('already exists');
    expect(await readFile(join(out, 'out.md'), 'utf8')).toBe('first');
    await runWithMock(document, ['third'], { out, force: true }).pending;
    expect(await readFile(join(out, 'out.md'), 'utf8')).toBe('third');
  });

  it('writes no artifact when the run fails, and closes what it opened', async () => {
    const out = await mkdtemp(join(tmpdir(), 'strands-run-'));
    const document = chainSpec(
      [
        { agent: 'a', input: 'x' },
        { agent: 'a', input: 'y' },
      ],
      { outputs: { artifacts: [{ path: 'out.md', from: 'never' }] } },
    );
    const { pending, tools, events } = runWithMock(document, ['ok', { error: new Error('model exploded') }], {
      out,
    });
    const error = await rejectionOf(pending);
    expect(error.message).toContain('model exploded');
    expect(tools.closes).toBe(1);
    expect(await readdir(out)).toEqual([]);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', ok: false });
  });

  it('closes the run tools on success', async () => {
    const { pending, tools } = runWithMock(chainSpec([{ agent: 'a', input: 'x' }]));
    await pending;
    expect(tools.closes).toBe(1);
  });

  it('bounds concurrent model requests by runtime.max_parallel', async () => {
    let active = 0;
    let peak = 0;
    const document = chainSpec(
      Array.from({ length: 6 }, (_, index) => ({ agent: `agent${index}`, input: `${index}` })),
    );
    document.runtime = { provider: 'mock', max_parallel: 2 };
    (document.pattern as { type: string }).type = 'parallel';
    const { pending } = runWithMock(document, async () => {
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active -= 1;
      return 'done';
    });
    const result = await pending;
    expect(result.counts.invocations).toBe(6);
    expect(peak).toBe(2);
  });

  it('fails with exit 18 before any model call when the executor of the pattern is not installed', async () => {
    const { pending, mock } = runWithMock(chainSpec([{ agent: 'a', input: 'x' }]), undefined, {
      executors: {},
    });
    // Without the executor the loader cannot resolve pattern 'chain' from a package: exit 18.
    const error = await rejectionOf(pending);
    expect(error.exitCode).toBe(18);
    expect(mock.calls).toHaveLength(0);
  });
});
