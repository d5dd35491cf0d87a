import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFreshDatabase } from '@strands-cli/engine-dbos/testing';
import { reply } from '@strands-cli/test-servers';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { useScaleOutScene } from './scale-out-harness.js';
import { deterministicAnswer, readArtifacts, requestKey } from './sessions-harness.js';

const fixture = fileURLToPath(new URL('../fixtures/scale-out/chain3.yaml', import.meta.url));

const scene = useScaleOutScene([fixture], 30_000);
const { strands } = scene;

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
    scene.server.reset();
    scene.server.setResponder(deterministicAnswer);
    const local = await strands(['run', 'chain3.yaml', '--out', 'local', '--no-save-session']);
    expect(local.code, local.stderr).toBe(0);
    const reference = await readArtifacts(join(scene.dir, 'local'));
    const referenceKeys = scene.server.requests.map(requestKey);
    expect(referenceKeys).toHaveLength(3);

    const databaseUrl = await createFreshDatabase(scene.postgres.adminUrl);
    scene.server.reset();
    let child: ChildProcess | undefined;
    scene.server.setResponder((request) => {
      if (request.index === 0) return deterministicAnswer(request);
      // Step two is asked: step one's answer is journaled (or about to be); kill the process then.
      void (async () => {
        while ((await journalRows(databaseUrl)) < 1) await new Promise((resolve) => setTimeout(resolve, 20));
        child?.kill('SIGKILL');
      })();
      return reply.stall();
    });
    const args = ['run', 'chain3.yaml', '--out', 'durable', '--database', databaseUrl];
    const killed = await strands(args, {
      onSpawn: (spawned) => {
        child = spawned;
      },
    });
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    expect(scene.server.requests.map(requestKey)).toEqual(referenceKeys.slice(0, 2));

    scene.server.reset();
    scene.server.setResponder(deterministicAnswer);
    const resumed = await strands(args);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).not.toContain('DeprecationWarning');
    expect(resumed.stderr).toMatch(/Resuming run [0-9a-f-]{36} \(running, attempt 2\)/);
    // Step one's call is not repeated: only steps two (in flight at the kill) and three are asked.
    expect(scene.server.requests.map(requestKey)).toEqual(referenceKeys.slice(1));
    expect(await readArtifacts(join(scene.dir, 'durable'))).toEqual(reference);

    // The same command after completion starts a new run: a completed run is never re-entered.
    scene.server.reset();
    const again = await strands([...args, '--force']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/Started durable run/);
    expect(scene.server.requests).toHaveLength(3);
    // Four CLI processes, each launching DBOS: generous on a loaded 2-core machine.
  }, 120_000);

  it('says how to give a database URL it can use', async () => {
    const bad = await strands(['run', 'chain3.yaml', '--database', 'mysql://x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--database is not a PostgreSQL URL');
    const fromEnv = await strands(['run', 'chain3.yaml', '--new-run'], { env: { STRANDS_DATABASE_URL: '' } });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toContain('--new-run needs --database');
  });
});
