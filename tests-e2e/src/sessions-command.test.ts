import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileSessionStore } from '@strands-cli/core';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The lock is judged by another process than the one that wrote it: the built CLI must see a live
// holder (this test process) as in use, and a dead one as an interrupted session.
describe('strands sessions (built CLI)', () => {
  let root: string;
  let dir: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'strands-e2e-sessions-'));
    dir = join(root, 'sessions');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const init = { name: 'e2e', pattern: 'chain', specText: 'version: 1\n', specFileName: 'w.yaml', vars: [] };

  it('refuses to delete a session this process holds, and reports a dead holder as interrupted', async () => {
    const store = createFileSessionStore({ dir });
    const held = await store.create(init);
    const env = { STRANDS_SESSIONS_DIR: dir };
    const refused = await runCli(['sessions', 'delete', held.id, '--force'], { env });
    expect(refused.code).toBe(17);
    expect(refused.stderr).toContain(`in use by process ${process.pid}`);

    const listed = await runCli(['sessions', 'list', '--json'], { env });
    expect(JSON.parse(listed.stdout).sessions[0]).toMatchObject({ id: held.id, status: 'running' });
    await held.release();

    const pid = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']));
    await writeFile(
      join(dir, held.id, 'lock'),
      JSON.stringify({ pid, hostname: hostname(), startedAt: 'x' }),
    );
    const shown = await runCli(['sessions', 'show', held.id], { env });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/status\s+interrupted/);
    expect(shown.stdout).toContain(`Resume with: strands run --resume ${held.id}`);

    expect((await runCli(['sessions', 'delete', held.id, '--force'], { env })).code).toBe(0);
    const empty = await runCli(['sessions', 'list'], { env });
    expect(empty.stdout).toBe(`No sessions in ${dir}\n`);
  });
});
