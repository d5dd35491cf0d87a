import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  echoLastUserMessage,
  type LoopbackServer,
  type RecordedRequest,
  reply,
} from '@strands-cli/test-servers';
import { type CliRun, runCli } from '@strands-cli/test-servers/cli-process';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type ProviderTarget, providerTarget, providerTargets } from './providers/provider-targets.js';

/**
 * The performance plan as counts (counts are stable where timings are not): for every executor on every
 * provider, `strands run --json` reports what was built, reused, created and sent, and the loopback server
 * counts the connections. Timing stays out of tests; a regression in caching, pooling or connection reuse
 * fails here.
 */

/** No waiting between attempts: the retry test must not sleep. */
const failurePolicy = { retries: 2, backoff: 'constant', wait_min: 0, wait_max: 0 };

function runtimeFor(target: ProviderTarget, maxParallel: number): Record<string, unknown> {
  return {
    ...target.runtime,
    max_parallel: maxParallel,
    failure_policy: failurePolicy,
  };
}

interface Scenario {
  readonly executor: 'chain' | 'workflow' | 'parallel' | 'routing';
  readonly maxParallel: number;
  readonly pattern: Record<string, unknown>;
  readonly agents: readonly string[];
  /** What `counts` must be. */
  readonly counts: Record<string, number>;
}

/**
 * The counts of a spec whose two agents run `invocations` times in all on one provider: each agent is
 * built once and reused for every other invocation; one pooled client, created for the first agent and
 * reused for the second; one request per invocation.
 */
function twoAgentCounts(invocations: number): Record<string, number> {
  return {
    agentsBuilt: 2,
    agentsReused: invocations - 2,
    clientsCreated: 1,
    clientsReused: 1,
    invocations,
    requests: invocations,
  };
}

/** Two agents per spec, so that both a cache miss after the first and client reuse are exercised. */
const scenarios: readonly Scenario[] = [
  {
    executor: 'chain',
    maxParallel: 8,
    agents: ['writer', 'editor'],
    pattern: {
      type: 'chain',
      config: {
        steps: [
          ...[1, 2, 3, 4, 5].map((index) => ({
            agent: 'writer',
            input: index === 1 ? 'Draft 1' : `Draft ${index} from {{ steps[${index - 2}].response }}`,
          })),
          { agent: 'editor', input: 'Edit {{ steps[4].response }}' },
        ],
      },
    },
    counts: twoAgentCounts(6),
  },
  {
    executor: 'workflow',
    maxParallel: 3,
    agents: ['worker', 'editor'],
    pattern: {
      type: 'workflow',
      config: {
        tasks: [
          ...[1, 2, 3, 4, 5].map((index) => ({ id: `t${index}`, agent: 'worker', input: `Item ${index}` })),
          {
            id: 'join',
            agent: 'editor',
            deps: ['t1', 't2', 't3', 't4', 't5'],
            input: 'Join {{ tasks.t1.response }} .. {{ tasks.t5.response }}',
          },
        ],
      },
    },
    counts: twoAgentCounts(6),
  },
  {
    executor: 'parallel',
    maxParallel: 2,
    agents: ['reviewer', 'editor'],
    pattern: {
      type: 'parallel',
      config: {
        branches: ['a', 'b', 'c', 'd'].map((id) => ({
          id,
          steps: [{ agent: 'reviewer', input: `Review ${id}` }],
        })),
        reduce: { agent: 'editor', input: 'Merge {{ branches.a.response }} and {{ branches.d.response }}' },
      },
    },
    counts: twoAgentCounts(5),
  },
  {
    executor: 'routing',
    maxParallel: 8,
    agents: ['router', 'specialist'],
    pattern: {
      type: 'routing',
      config: {
        router: { agent: 'router', input: 'Classify: the invoice is wrong' },
        routes: {
          fast: {
            // biome-ignore lint/suspicious/noThenProperty: the spec format names a route's steps `then`.
            then: [
              { agent: 'specialist', input: 'First look' },
              { agent: 'specialist', input: 'Second look at {{ steps[0].response }}' },
            ],
          },
          // biome-ignore lint/suspicious/noThenProperty: the spec format names a route's steps `then`.
          slow: { then: [{ agent: 'specialist', input: 'Escalate' }] },
        },
      },
    },
    counts: twoAgentCounts(3),
  },
];

function specFor(scenario: Scenario, target: ProviderTarget): string {
  return stringify({
    version: 1,
    name: `counts-${scenario.executor}-${target.id}`,
    runtime: runtimeFor(target, scenario.maxParallel),
    agents: Object.fromEntries(scenario.agents.map((id) => [id, { prompt: `You are the ${id}.` }])),
    pattern: scenario.pattern,
  });
}

/** Echoes, except that the router gets a route (its question is the one asking for JSON). */
function respond(request: RecordedRequest) {
  const echo = echoLastUserMessage(request);
  return echo.text.includes('{"route"') ? reply.text('{"route": "fast"}') : echo;
}

interface JsonCounts {
  readonly ok: boolean;
  readonly counts: Record<string, number> & {
    readonly providers: Record<string, { requests: number; retries: number }>;
  };
}

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'strands-counts-'));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

async function runScenario(
  scenario: Scenario,
  target: ProviderTarget,
  server: LoopbackServer,
  flags: readonly string[] = ['--json'],
): Promise<CliRun> {
  const file = join(directory, `${scenario.executor}-${target.id}.yaml`);
  await writeFile(file, specFor(scenario, target));
  return runCli(['run', file, '--out', join(directory, 'out'), '--force', ...flags], {
    env: target.env(server),
  });
}

describe.each(providerTargets)('counts on $id, through the built CLI', (target) => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await target.start();
    server.setResponder(respond);
  });
  afterEach(() => server.close());

  it.each(scenarios)(
    '$executor: agents built once, one pooled client, bounded connections',
    async (scenario) => {
      const run = await runScenario(scenario, target, server);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const result = JSON.parse(run.stdout) as JsonCounts;
      expect(result.ok).toBe(true);
      expect(result.counts).toMatchObject({ ...scenario.counts, retries: 0 });
      expect(result.counts.providers).toEqual({
        [target.id]: { requests: scenario.counts.requests, retries: 0 },
      });
      const stats = server.stats();
      expect(stats.requests).toBe(scenario.counts.requests);
      // Sequential work keeps to one connection (two at most, as undici alternates); concurrent work
      // never opens more than max_parallel.
      const bound =
        scenario.executor === 'chain' || scenario.executor === 'routing' ? 2 : scenario.maxParallel;
      expect(stats.connections).toBeGreaterThanOrEqual(1);
      expect(stats.connections).toBeLessThanOrEqual(bound);
      expect(stats.maxInFlight).toBeLessThanOrEqual(scenario.maxParallel);
      await server.waitForConnectionsClosed();
    },
  );

  it('chain: counts a retry per provider, and the retried request', async () => {
    const chain = scenarios[0] as Scenario;
    server.enqueue(reply.error(429, { headers: { 'retry-after': '0' } }));
    const run = await runScenario(chain, target, server);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as JsonCounts;
    expect(result.counts).toMatchObject({ agentsBuilt: 2, clientsCreated: 1, requests: 7, retries: 1 });
    expect(result.counts.providers).toEqual({ [target.id]: { requests: 7, retries: 1 } });
    expect(server.stats().requests).toBe(7);
  });
});

describe('cache observability in the summary and the debug log', () => {
  const target = providerTarget('openai');
  const chain = scenarios[0] as Scenario;
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await target.start();
    server.setResponder(respond);
  });
  afterEach(() => server.close());

  it('--verbose ends with agents, clients, requests and retries per provider', async () => {
    server.enqueue(reply.error(503));
    const run = await runScenario(chain, target, server, ['--verbose']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Agents: 2 built, 4 reused · invocations: 6');
    expect(run.stderr).toContain('Clients: 1 created, 1 reused from the pool');
    expect(run.stderr).toContain('Requests to openai: 7 (1 retries)');
  });

  it('--debug logs every agent cache and client pool hit and miss', async () => {
    const run = await runScenario(chain, target, server, ['--debug']);
    expect(run.code).toBe(0);
    const lines = run.stderr.split('\n');
    const count = (pattern: RegExp) => lines.filter((line) => pattern.test(line)).length;
    expect(count(/agent cache miss: built 'writer'/)).toBe(1);
    expect(count(/agent cache miss: built 'editor'/)).toBe(1);
    expect(count(/agent cache hit: reused 'writer'/)).toBe(4);
    expect(count(/client pool miss: created openai client/)).toBe(1);
    expect(count(/client pool hit: reused openai client/)).toBe(1);
    expect(count(/request openai\//)).toBe(6);
  });
});
