import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFreshDatabase } from '@strands-cli/engine-dbos/testing';
import type { LoopbackServer, RecordedRequest } from '@strands-cli/test-servers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inBatches, startSceneWorker, useScaleOutScene } from './scale-out-harness.js';
import {
  deterministicAnswer,
  readArtifacts,
  requestKey,
  startDeterministicServer,
} from './sessions-harness.js';

const fixture = fileURLToPath(new URL('../fixtures/scale-out/chain5.yaml', import.meta.url));

// Generous limits: this suite runs 20 CLI submitters, two workers and a PostgreSQL on a 2-core machine.
const scene = useScaleOutScene([fixture], 240_000);
const { strands } = scene;

const topics = Array.from({ length: 20 }, (_, index) => `t${String(index + 1).padStart(2, '0')}`);
const stepWords = ['one', 'two', 'three', 'four', 'five'];
const concurrency = 2;

/** The run (topic) a request belongs to: every step's input carries step one's text. */
function topicOf(key: string): string {
  return /step one: (t\d\d)/.exec(key)?.[1] ?? '?';
}

/** 0..4: which step of the chain a request is. */
function stepOf(key: string): number {
  return stepWords.indexOf(/^step (\w+):/.exec(key)?.[1] ?? '');
}

function slow(request: RecordedRequest) {
  return { ...deterministicAnswer(request), delayMs: 200 };
}

// Worker A talks to a model server of its own, so every request it made is known to be its own.
let serverA: LoopbackServer | undefined;
beforeAll(async () => {
  serverA = await startDeterministicServer();
});
afterAll(async () => {
  await serverA?.close();
});

describe('scale-out at full size: 20 runs of a 5-step chain, two workers, one killed with -9', () => {
  it('every run completes, completed calls are never repeated, artifacts match local runs', async () => {
    const ownServer = serverA as LoopbackServer;
    scene.server.reset();
    scene.server.setResponder(deterministicAnswer);
    const locals = await inBatches(
      topics.map(
        (topic) => () =>
          strands([
            'run',
            'chain5.yaml',
            '--var',
            `topic=${topic}`,
            '-o',
            `local-${topic}`,
            '--no-save-session',
          ]),
      ),
      4,
    );
    for (const local of locals) expect(local.code, local.stderr).toBe(0);
    const referenceKeys = scene.server.requests.map(requestKey);
    expect(new Set(referenceKeys).size).toBe(topics.length * stepWords.length);
    /** The key of the step after `key` in the same run (what proves `key`'s answer was journaled). */
    const successor = new Map<string, string>();
    for (const key of referenceKeys) {
      const next = referenceKeys.find(
        (other) => topicOf(other) === topicOf(key) && stepOf(other) === stepOf(key) + 1,
      );
      if (next) successor.set(key, next);
    }

    const databaseUrl = await createFreshDatabase(scene.postgres.adminUrl);
    const env = { STRANDS_DATABASE_URL: databaseUrl, STRANDS_WORKER_LEASE_S: '1' };
    scene.server.reset();
    ownServer.reset();
    scene.server.setResponder(slow);
    const finished = new Set<string>();
    let kill: { finished: Set<string>; seenOnA: string[]; inFlightOnA: number; trigger: string } | undefined;
    const a = startSceneWorker(scene, 'worker-a', concurrency, {
      ...env,
      OPENAI_BASE_URL: `${ownServer.url}/v1`,
    });
    ownServer.setResponder((request) => {
      // Mid-way: some runs have finished (their submitters exited), A has done some work of its own
      // and is still asking for more.
      if (!kill && finished.size >= 4 && ownServer.requests.length >= 12) {
        kill = {
          finished: new Set(finished),
          seenOnA: ownServer.requests.map(requestKey),
          inFlightOnA: ownServer.stats().inFlight,
          trigger: requestKey(request),
        };
        a.child()?.kill('SIGKILL');
      }
      return slow(request);
    });
    const b = startSceneWorker(scene, 'worker-b', concurrency, env);
    const submitted = await Promise.all(
      topics.map((topic) =>
        strands(
          ['submit', 'chain5.yaml', '--var', `topic=${topic}`, '--wait', '-o', `remote-${topic}`, '--json'],
          {
            env,
          },
        ).then((run) => {
          finished.add(topic);
          return run;
        }),
      ),
    );
    for (const run of submitted) expect(run.code, run.stderr).toBe(0);
    expect((await a.run).signal).toBe('SIGKILL');
    if (!kill)
      throw new Error('worker A was never killed: it made too few requests before the runs finished');
    expect(kill.finished.size).toBeLessThan(topics.length);

    for (const topic of topics) {
      expect(await readArtifacts(join(scene.dir, `remote-${topic}`))).toEqual(
        await readArtifacts(join(scene.dir, `local-${topic}`)),
      );
    }

    // The calls open at the kill: everything A asked for (A can ask nothing after it died, so this
    // includes requests still in transit at the kill) whose answer A had not journaled yet, i.e. no
    // later step of the same run followed on A, and the run had not finished.
    const onA = ownServer.requests.map(requestKey);
    const openAtKill = onA.filter((key) => {
      const next = successor.get(key);
      return next === undefined ? !kill?.finished.has(topicOf(key)) : !onA.includes(next);
    });
    expect(openAtKill).toContain(kill.trigger);
    expect(kill.seenOnA.every((key) => onA.includes(key))).toBe(true);

    const counts = new Map<string, number>();
    for (const key of [...onA, ...scene.server.requests.map(requestKey)]) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([...referenceKeys].sort());
    const repeated = [...counts].filter(([, count]) => count > 1).map(([key]) => key);
    const context = JSON.stringify({ repeated, openAtKill, inFlightOnA: kill.inFlightOnA });
    // Completed model calls are never repeated; a call open at the kill is asked at most once more, and
    // A had at most `concurrency` runs in flight.
    for (const key of repeated) expect(openAtKill, context).toContain(key);
    expect(Math.max(...counts.values()), context).toBeLessThanOrEqual(2);
    expect(repeated.length, context).toBeLessThanOrEqual(concurrency);
    // Nothing A completed before the kill was asked again.
    for (const key of onA.filter((seen) => !openAtKill.includes(seen))) expect(counts.get(key), key).toBe(1);

    const listed = await strands(['runs', 'list', '--json'], { env });
    expect(listed.code, listed.stderr).toBe(0);
    const document = JSON.parse(listed.stdout) as {
      runs: Array<{ status: string }>;
      queue: { enqueued: number; pending: number };
    };
    expect(document.runs.filter((run) => run.status === 'SUCCESS')).toHaveLength(topics.length);
    expect(document.queue).toMatchObject({ enqueued: 0, pending: 0 });

    b.child()?.kill('SIGTERM');
    const stopped = await b.run;
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(stopped.stderr).toMatch(/Took over \d+ run\(s\) of worker worker-a/);
  }, 420_000);
});
