import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFreshDatabase } from '@strands-cli/engine-dbos/testing';
import { reply } from '@strands-cli/test-servers';
import type { CliRun } from '@strands-cli/test-servers/cli-process';
import { describe, expect, it } from 'vitest';
import { useScaleOutScene } from './scale-out-harness.js';
import { deterministicAnswer, readArtifacts, requestKey } from './sessions-harness.js';

const fixture = fileURLToPath(new URL('../fixtures/scale-out/chain3.yaml', import.meta.url));
const hitlFixture = fileURLToPath(new URL('../fixtures/scale-out/chain-hitl.yaml', import.meta.url));

const scene = useScaleOutScene([fixture, hitlFixture], 90_000);
const { strands } = scene;

/** Polls `check` until it returns true (every 100 ms, the test's own timeout bounds it). */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 100));
}

function startWorker(
  name: string,
  env: Record<string, string>,
): { run: Promise<CliRun>; child: () => ChildProcess | undefined } {
  let child: ChildProcess | undefined;
  const run = strands(['worker', '--id', name, '--concurrency', '2'], {
    cwd: join(scene.dir, 'worker-home'),
    env,
    onSpawn: (spawned) => {
      child = spawned;
    },
  });
  return { run, child: () => child };
}

describe('scale-out: takeover, recover, cancel and resume', () => {
  it("another live worker takes over a kill -9'd worker's runs after the lease timeout", async () => {
    const topics = ['t1', 't2', 't3', 't4', 't5', 't6'];
    scene.server.reset();
    scene.server.setResponder(deterministicAnswer);
    for (const topic of topics) {
      const local = await strands([
        'run',
        'chain3.yaml',
        '--var',
        `topic=${topic}`,
        '-o',
        `local-${topic}`,
        '--no-save-session',
      ]);
      expect(local.code, local.stderr).toBe(0);
    }
    const databaseUrl = await createFreshDatabase(scene.postgres.adminUrl);
    const env = { STRANDS_DATABASE_URL: databaseUrl, STRANDS_WORKER_LEASE_S: '1' };
    scene.server.reset();
    const a = startWorker('worker-a', env);
    let b: ReturnType<typeof startWorker> | undefined;
    scene.server.setResponder((request) => {
      // Worker A alone takes the first runs; B starts once A works, and A dies mid-way.
      if (request.index === 0) b = startWorker('worker-b', env);
      if (request.index === 7) a.child()?.kill('SIGKILL');
      return { ...deterministicAnswer(request), delayMs: 200 };
    });
    const submitted = await Promise.all(
      topics.map((topic) =>
        strands(
          ['submit', 'chain3.yaml', '--var', `topic=${topic}`, '--wait', '-o', `remote-${topic}`, '--json'],
          {
            env,
          },
        ),
      ),
    );
    expect((await a.run).signal).toBe('SIGKILL');
    for (const run of submitted) expect(run.code, run.stderr).toBe(0);
    for (const topic of topics) {
      expect(await readArtifacts(join(scene.dir, `remote-${topic}`))).toEqual(
        await readArtifacts(join(scene.dir, `local-${topic}`)),
      );
    }
    // Completed model calls are never repeated; only those in flight on A at the kill (at most its
    // concurrency, 2) may be asked twice.
    const counts = new Map<string, number>();
    for (const request of scene.server.requests)
      counts.set(requestKey(request), (counts.get(requestKey(request)) ?? 0) + 1);
    expect(counts.size).toBe(topics.length * 3);
    const repeated = [...counts.values()].filter((count) => count > 1);
    expect(repeated.length).toBeLessThanOrEqual(2);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);

    b?.child()?.kill('SIGTERM');
    const stopped = await b?.run;
    expect(stopped?.code, stopped?.stderr).toBe(0);
    expect(stopped?.stderr).toMatch(/Took over \d run\(s\) of worker worker-a/);
  }, 180_000);

  it('`runs cancel` stops a run and its request in flight; `runs resume` finishes it from its journal', async () => {
    scene.server.reset();
    scene.server.setResponder(deterministicAnswer);
    const local = await strands([
      'run',
      'chain3.yaml',
      '--var',
      'topic=kelp',
      '-o',
      'local-kelp',
      '--no-save-session',
    ]);
    expect(local.code, local.stderr).toBe(0);
    const referenceKeys = scene.server.requests.map(requestKey);
    const databaseUrl = await createFreshDatabase(scene.postgres.adminUrl);
    const env = { STRANDS_DATABASE_URL: databaseUrl };
    scene.server.reset();
    scene.server.setResponder((request) =>
      request.index === 1 ? reply.stall() : deterministicAnswer(request),
    );
    const worker = startWorker('worker-c', env);
    const submitted = await strands(['submit', 'chain3.yaml', '--var', 'topic=kelp', '--json'], { env });
    expect(submitted.code, submitted.stderr).toBe(0);
    const { runId } = JSON.parse(submitted.stdout) as { runId: string };
    await until(() => scene.server.requests.length === 2);

    const cancelled = await strands(['runs', 'cancel', runId, '--json'], { env });
    expect(cancelled.code, cancelled.stderr).toBe(0);
    expect(JSON.parse(cancelled.stdout)).toMatchObject({ ok: true, runId, status: 'CANCELLED' });
    // The worker aborts the request in flight (the stall ends when the client goes away).
    await until(() => scene.server.stats().inFlight === 0);
    const shown = await strands(['runs', 'show', runId, '--json'], { env });
    expect(JSON.parse(shown.stdout)).toMatchObject({ status: 'CANCELLED' });

    scene.server.setResponder(deterministicAnswer);
    const resumed = await strands(['runs', 'resume', runId, '--json'], { env });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ ok: true, runId, status: 'ENQUEUED' });
    await until(async () => {
      const again = await strands(['runs', 'show', runId, '--json'], { env });
      return (JSON.parse(again.stdout) as { status: string }).status === 'SUCCESS';
    });
    // Step one answered from the journal: asked once; step two asked again (it was cut off).
    const detail = await strands(['runs', 'show', runId, '--json'], { env });
    const shownRun = JSON.parse(detail.stdout) as {
      journal: { entries: number; byKind: Record<string, number> };
    };
    expect(shownRun.journal.entries).toBeGreaterThanOrEqual(3);
    expect(Object.values(shownRun.journal.byKind).reduce((a, b) => a + b, 0)).toBe(shownRun.journal.entries);
    const listed = await strands(['runs', 'list', '--json'], { env });
    expect(JSON.parse(listed.stdout)).toMatchObject({
      queue: { name: 'strands-runs', enqueued: 0, pending: 0 },
    });
    const [one, two, three] = referenceKeys;
    expect(scene.server.requests.map(requestKey)).toEqual([one, two, two, three]);

    const twice = await strands(['runs', 'cancel', runId], { env });
    expect(twice.code).toBe(17);
    expect(twice.stderr).toContain('already ended');
    worker.child()?.kill('SIGTERM');
    expect((await worker.run).code).toBe(0);
  }, 120_000);

  it('`recover --from-worker` refuses a live worker and re-queues a dead one at once', async () => {
    const databaseUrl = await createFreshDatabase(scene.postgres.adminUrl);
    const env = { STRANDS_DATABASE_URL: databaseUrl };
    scene.server.reset();
    scene.server.setResponder(deterministicAnswer);
    const worker = startWorker('worker-d', env);
    await until(async () => (await strands(['recover', '--from-worker', 'worker-d'], { env })).code === 17);
    const gone = await strands(['recover', '--from-worker', 'nobody', '--json'], { env });
    expect(gone.code, gone.stderr).toBe(0);
    expect(JSON.parse(gone.stdout)).toEqual({ ok: true, workers: [{ worker: 'nobody', runs: [] }] });
    worker.child()?.kill('SIGTERM');
    expect((await worker.run).code).toBe(0);
  }, 60_000);

  it('a HITL run paused on worker A is approved while A is down and finished by worker B', async () => {
    const databaseUrl = await createFreshDatabase(scene.postgres.adminUrl);
    const env = { STRANDS_DATABASE_URL: databaseUrl, STRANDS_WORKER_LEASE_S: '1' };
    scene.server.reset();
    scene.server.setResponder(deterministicAnswer);
    const a = startWorker('worker-h1', env);
    const submitted = await strands(['submit', 'chain-hitl.yaml', '--var', 'topic=owls', '--json'], { env });
    expect(submitted.code, submitted.stderr).toBe(0);
    const { runId } = JSON.parse(submitted.stdout) as { runId: string };
    const show = async () =>
      JSON.parse((await strands(['runs', 'show', runId, '--json'], { env })).stdout) as {
        status: string;
        paused?: { prompt?: string; position: string };
      };
    await until(async () => (await show()).status === 'PAUSED');
    expect((await show()).paused?.prompt).toBe('Approve the draft?');
    a.child()?.kill('SIGKILL');
    expect((await a.run).signal).toBe('SIGKILL');

    const approved = await strands(['approve', runId, '--response', 'ship it', '--json'], { env });
    expect(approved.code, approved.stderr).toBe(0);
    const b = startWorker('worker-h2', env);
    await until(async () => (await show()).status === 'SUCCESS');
    const keys = scene.server.requests.map(requestKey);
    // The writer's draft answered from the journal on B: asked once in all.
    expect(keys.filter((key) => key.startsWith('draft about owls'))).toHaveLength(1);
    expect(keys.at(-1)).toContain('revise with ship it');
    const again = await strands(['approve', runId, '--response', 'twice'], { env });
    expect(again.code).toBe(17);
    b.child()?.kill('SIGTERM');
    const stopped = await b.run;
    expect(stopped.code, stopped.stderr).toBe(0);
  }, 120_000);
});
