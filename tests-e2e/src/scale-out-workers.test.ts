import type { ChildProcess } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFreshDatabase, startTestPostgres, type TestPostgres } from '@strands-cli/engine-dbos/testing';
import { type LoopbackServer, reply } from '@strands-cli/test-servers';
import { type CliRun, runCli } from '@strands-cli/test-servers/cli-process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deterministicAnswer,
  readArtifacts,
  requestKey,
  startDeterministicServer,
} from './sessions-harness.js';

const fixture = fileURLToPath(new URL('../fixtures/scale-out/chain3.yaml', import.meta.url));

let postgres: TestPostgres;
let server: LoopbackServer;
let dir: string;

beforeAll(async () => {
  [postgres, server] = await Promise.all([startTestPostgres(), startDeterministicServer()]);
  dir = await mkdtemp(join(tmpdir(), 'strands-e2e-workers-'));
  await copyFile(fixture, join(dir, 'chain3.yaml'));
  await mkdir(join(dir, 'worker-home'));
}, 60_000);

afterAll(async () => {
  await server?.close();
  await postgres?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function strands(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string>; onSpawn?: (child: ChildProcess) => void } = {},
): Promise<CliRun> {
  return runCli(args, {
    cwd: options.cwd ?? dir,
    env: {
      OPENAI_API_KEY: 'sk-e2e',
      OPENAI_BASE_URL: `${server.url}/v1`,
      STRANDS_SESSIONS_DIR: join(dir, 'sessions'),
      ...options.env,
    },
    timeoutMs: 60_000,
    ...(options.onSpawn ? { onSpawn: options.onSpawn } : {}),
  });
}

describe('strands worker + strands submit (DBOS queue on PostgreSQL)', () => {
  it('runs 3 submitted runs on a worker and writes their artifacts on the submitter', async () => {
    server.reset();
    server.setResponder(deterministicAnswer);
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
    const databaseUrl = await createFreshDatabase(postgres.adminUrl);
    const env = { STRANDS_DATABASE_URL: databaseUrl };
    let worker: ChildProcess | undefined;
    const workerRun = strands(['worker', '--id', 'worker-a', '--concurrency', '2'], {
      cwd: join(dir, 'worker-home'),
      env,
      onSpawn: (child) => {
        worker = child;
      },
    });
    server.reset();
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
    expect(server.requests).toHaveLength(9);
    for (const topic of topics) {
      expect(await readArtifacts(join(dir, `remote-${topic}`))).toEqual(
        await readArtifacts(join(dir, `local-${topic}`)),
      );
    }
    // Nothing was left on the worker's disk.
    expect(await readdir(join(dir, 'worker-home'))).toEqual([]);

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
    server.reset();
    server.setResponder(deterministicAnswer);
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
    const referenceKeys = server.requests.map(requestKey);
    const databaseUrl = await createFreshDatabase(postgres.adminUrl);
    const env = { STRANDS_DATABASE_URL: databaseUrl };
    server.reset();
    let first: ChildProcess | undefined;
    server.setResponder((request) => {
      if (request.index === 0) return deterministicAnswer(request);
      // Step two is asked, so step one's journal row has committed: kill -9 the worker.
      first?.kill('SIGKILL');
      return reply.stall();
    });
    const firstWorker = strands(['worker', '--id', 'worker-b'], {
      cwd: join(dir, 'worker-home'),
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
    server.reset();
    server.setResponder(deterministicAnswer);
    let second: ChildProcess | undefined;
    const secondWorker = strands(['worker', '--id', 'worker-b'], {
      cwd: join(dir, 'worker-home'),
      env,
      onSpawn: (child) => {
        second = child;
      },
    });
    const done = await submitted;
    expect(done.code, done.stderr).toBe(0);
    expect(server.requests.map(requestKey)).toEqual(referenceKeys.slice(1));
    expect(await readArtifacts(join(dir, 'remote-reefs'))).toEqual(
      await readArtifacts(join(dir, 'local-reefs')),
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
