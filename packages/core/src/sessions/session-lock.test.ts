import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SessionError } from '../spec/v1/session-errors.js';
import { acquireLock, inspectLock, releaseLock } from './session-lock.js';

/** The id of a process that has already exited. */
function deadPid(): number {
  return Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']));
}

async function lockPath(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'strands-lock-')), 'lock');
}

describe('session lock', () => {
  it('writes who holds it, and refuses a second holder while this process lives', async () => {
    const path = await lockPath();
    const { owner, takenOver } = await acquireLock(path, 's1');
    expect(takenOver).toBeUndefined();
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({
      pid: process.pid,
      hostname: hostname(),
      startedAt: owner.startedAt,
    });
    await expect(acquireLock(path, 's1')).rejects.toThrow(`in use by process ${process.pid}`);
    await releaseLock(path, owner);
    expect(await inspectLock(path)).toEqual({ kind: 'free' });
  });

  it('takes over the lock of a process that died, and says whose it was', async () => {
    const path = await lockPath();
    const dead = { pid: deadPid(), hostname: hostname(), startedAt: '2025-01-01T00:00:00.000Z' };
    await writeFile(path, JSON.stringify(dead));
    expect((await inspectLock(path)).kind).toBe('stale');
    const { owner, takenOver } = await acquireLock(path, 's1');
    expect(takenOver).toEqual(dead);
    expect(owner.pid).toBe(process.pid);
  });

  it('refuses a lock from another host, and an unreadable lock, with the file to delete', async () => {
    const path = await lockPath();
    await writeFile(path, JSON.stringify({ pid: 1, hostname: 'elsewhere', startedAt: 'x' }));
    const refusal = acquireLock(path, 's1');
    await expect(refusal).rejects.toSatisfy(SessionError.isInstance);
    await expect(acquireLock(path, 's1')).rejects.toThrow('on host elsewhere');
    await writeFile(path, '');
    await expect(acquireLock(path, 's1')).rejects.toMatchObject({ hint: expect.stringContaining(path) });
  });

  it('leaves a lock another holder took since', async () => {
    const path = await lockPath();
    const first = await acquireLock(path, 's1');
    await releaseLock(path, first.owner);
    const second = await acquireLock(path, 's1');
    await releaseLock(path, { ...first.owner, startedAt: 'earlier' });
    expect(await inspectLock(path)).toMatchObject({ kind: 'live', owner: second.owner });
  });
});
