import type { ChildProcess } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFreshDatabase } from '@strands-cli/engine-dbos/testing';
import { reply } from '@strands-cli/test-servers';
import { describe, expect, it } from 'vitest';
import { useScaleOutScene } from './scale-out-harness.js';
import { deterministicAnswer, readArtifacts, requestKey } from './sessions-harness.js';

const fixture = fileURLToPath(new URL('../fixtures/scale-out/chain3.yaml', import.meta.url));

const scene = useScaleOutScene([fixture], 60_000);
const { strands } = scene;

describe('strands worker + strands submit (DBOS queue on PostgreSQL)', () => {
  it('runs 3 submitted runs on a worker and writes their artifacts on the submitter', async () => {
    scene.server.reset();
    scene.server.setResponder(deterministicAnswer);
    const topics = ['tides', 'moss', 'comets'];
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
    const env = { STRANDS_DATABASE_URL: databaseUrl };
    let worker: ChildProcess | undefined;
    const workerRun = strands(['worker', '--id', 'worker-a', '--concurrency', '2'], {
      cwd: join(scene.dir, 'worker-home'),
      env,
      onSpawn: (child) => {
        worker = child;
      },
    });
    scene.server.reset();
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
    for (const run of submitted) expect(run.code, run.stderr).toBe(0);
    const documents = submitted.map((run) => JSON.parse(run.stdout) as { runId: string; response: string });
    expect(new Set(documents.map((document) => document.runId)).size).toBe(3);
    expect(scene.server.requests).toHaveLength(9);
    for (const topic of topics) {
      expect(await readArtifacts(join(scene.dir, `remote-${topic}`))).toEqual(
        await readArtifacts(join(scene.dir, `local-${topic}`)),
      );
    }
    // Nothing was left on the worker's disk.
    expect(await readdir(join(scene.dir, 'worker-home'))).toEqual([]);

    const listed = await strands(['runs', 'list', '--json'], { env });
    expect(listed.code, listed.stderr).toBe(0);
    const runs = (
      JSON.parse(listed.stdout) as { runs: Array<{ id: string; status: string; worker?: string }> }
    ).runs;
    expect(
      runs
        .filter((run) => run.status === 'SUCCESS' && run.worker === 'worker-a')
        .map((run) => run.id)
        .sort(),
    ).toEqual(documents.map((document) => document.runId).sort());
    const shown = await strands(['runs', 'show', documents[0]?.runId as string, '--json'], { env });
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      kind: 'submitted',
      status: 'SUCCESS',
      specName: 'scale-out-chain',
    });

    worker?.kill('SIGTERM');
    const stopped = await workerRun;
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(stopped.stderr).toContain('Worker worker-a stopped');
  }, 120_000);

  it("resumes a killed worker's run when a worker of the same name starts, without repeating step one", async () => {
    scene.server.reset();
    scene.server.setResponder(deterministicAnswer);
    const local = await strands([
      'run',
      'chain3.yaml',
      '--var',
      'topic=reefs',
      '-o',
      'local-reefs',
      '--no-save-session',
    ]);
    expect(local.code, local.stderr).toBe(0);
    const referenceKeys = scene.server.requests.map(requestKey);
    const databaseUrl = await createFreshDatabase(scene.postgres.adminUrl);
    const env = { STRANDS_DATABASE_URL: databaseUrl };
    scene.server.reset();
    let first: ChildProcess | undefined;
    scene.server.setResponder((request) => {
      if (request.index === 0) return deterministicAnswer(request);
      // Step two is asked, so step one's journal row has committed: kill -9 the worker.
      first?.kill('SIGKILL');
      return reply.stall();
    });
    const firstWorker = strands(['worker', '--id', 'worker-b'], {
      cwd: join(scene.dir, 'worker-home'),
      env,
      onSpawn: (child) => {
        first = child;
      },
    });
    const submitted = strands(
      ['submit', 'chain3.yaml', '--var', 'topic=reefs', '--wait', '-o', 'remote-reefs'],
      { env },
    );
    expect((await firstWorker).signal).toBe('SIGKILL');
    scene.server.reset();
    scene.server.setResponder(deterministicAnswer);
    let second: ChildProcess | undefined;
    const secondWorker = strands(['worker', '--id', 'worker-b'], {
      cwd: join(scene.dir, 'worker-home'),
      env,
      onSpawn: (child) => {
        second = child;
      },
    });
    const done = await submitted;
    expect(done.code, done.stderr).toBe(0);
    expect(scene.server.requests.map(requestKey)).toEqual(referenceKeys.slice(1));
    expect(await readArtifacts(join(scene.dir, 'remote-reefs'))).toEqual(
      await readArtifacts(join(scene.dir, 'local-reefs')),
    );
    second?.kill('SIGTERM');
    expect((await secondWorker).code).toBe(0);
  }, 120_000);

  it('says a database is needed, and a submitted spec is checked before it is queued', async () => {
    const none = await strands(['submit', 'chain3.yaml']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('needs a PostgreSQL database');
    const missing = await strands(['submit', 'nope.yaml', '--database', 'postgres://127.0.0.1:1/x']);
    expect(missing.code).toBe(3);
  });
});
