import type { ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFreshDatabase, startTestPostgres, type TestPostgres } from '@strands-cli/engine-dbos/testing';
import { type LoopbackServer, reply } from '@strands-cli/test-servers';
import { runCli } from '@strands-cli/test-servers/cli-process';
import pg from 'pg';
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
  dir = await mkdtemp(join(tmpdir(), 'strands-e2e-scale-out-'));
  await copyFile(fixture, join(dir, 'chain3.yaml'));
}, 60_000);

afterAll(async () => {
  await server?.close();
  await postgres?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Runs the built CLI in the scenario folder against the loopback model server. */
function strands(
  args: readonly string[],
  extraEnv: Record<string, string> = {},
  onSpawn?: (child: ChildProcess) => void,
) {
  return runCli(args, {
    cwd: dir,
    env: {
      OPENAI_API_KEY: 'sk-e2e',
      OPENAI_BASE_URL: `${server.url}/v1`,
      STRANDS_SESSIONS_DIR: join(dir, 'sessions'),
      ...extraEnv,
    },
    timeoutMs: 30_000,
    ...(onSpawn ? { onSpawn } : {}),
  });
}

/** How many journal entries the database holds (all runs). */
async function journalRows(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT count(*)::int AS n FROM strands.journal');
    return (rows[0] as { n: number }).n;
  } catch {
    return 0; // the tables do not exist before the first run creates them
  } finally {
    await client.end();
  }
}

describe('strands run --database (durable in-process mode on DBOS + PostgreSQL)', () => {
  it('resumes after kill -9 without repeating a completed model call, with the same artifacts', async () => {
    server.reset();
    server.setResponder(deterministicAnswer);
    const local = await strands(['run', 'chain3.yaml', '--out', 'local', '--no-save-session']);
    expect(local.code, local.stderr).toBe(0);
    const reference = await readArtifacts(join(dir, 'local'));
    const referenceKeys = server.requests.map(requestKey);
    expect(referenceKeys).toHaveLength(3);

    const databaseUrl = await createFreshDatabase(postgres.adminUrl);
    server.reset();
    let child: ChildProcess | undefined;
    server.setResponder((request) => {
      if (request.index === 0) return deterministicAnswer(request);
      // Step two is asked: step one's answer is journaled (or about to be); kill the process then.
      void (async () => {
        while ((await journalRows(databaseUrl)) < 1) await new Promise((resolve) => setTimeout(resolve, 20));
        child?.kill('SIGKILL');
      })();
      return reply.stall();
    });
    const args = ['run', 'chain3.yaml', '--out', 'durable', '--database', databaseUrl];
    const killed = await strands(args, {}, (spawned) => {
      child = spawned;
    });
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    expect(server.requests.map(requestKey)).toEqual(referenceKeys.slice(0, 2));

    server.reset();
    server.setResponder(deterministicAnswer);
    const resumed = await strands(args);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).not.toContain('DeprecationWarning');
    expect(resumed.stderr).toMatch(/Resuming run [0-9a-f-]{36} \(running, attempt 2\)/);
    // Step one's call is not repeated: only steps two (in flight at the kill) and three are asked.
    expect(server.requests.map(requestKey)).toEqual(referenceKeys.slice(1));
    expect(await readArtifacts(join(dir, 'durable'))).toEqual(reference);

    // The same command after completion starts a new run: a completed run is never re-entered.
    server.reset();
    const again = await strands([...args, '--force']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/Started durable run/);
    expect(server.requests).toHaveLength(3);
    // Four CLI processes, each launching DBOS: generous on a loaded 2-core machine.
  }, 120_000);

  it('says how to give a database URL it can use', async () => {
    const bad = await strands(['run', 'chain3.yaml', '--database', 'mysql://x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--database is not a PostgreSQL URL');
    const fromEnv = await strands(['run', 'chain3.yaml', '--new-run'], { STRANDS_DATABASE_URL: '' });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toContain('--new-run needs --database');
  });
});
