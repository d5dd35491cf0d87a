import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SessionError } from '../spec/v1/session-errors.js';
import type { NewSessionV1 } from '../spec/v1/session-v1.js';
import { createFileSessionStore } from './file-session-store.js';

const init: NewSessionV1 = {
  name: 'demo',
  pattern: 'chain',
  specText: 'version: 1\nname: demo # exact bytes\n',
  specFileName: 'demo.yaml',
  specPath: '/specs/demo.yaml',
  vars: ['topic=ai'],
};

/** A clock that moves one minute per reading, so every update is newer than the last. */
function steppingClock(start = Date.parse('2025-01-01T00:00:00.000Z')) {
  let minutes = 0;
  return () => new Date(start + 60_000 * minutes++);
}

async function storeDir(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'strands-sessions-')), 'sessions');
}

describe('file session store', () => {
  it('creates a private folder with the record, the exact spec bytes and no temporary files', async () => {
    const dir = await storeDir();
    const store = createFileSessionStore({ dir });
    const handle = await store.create(init);
    const folder = join(dir, handle.id);
    expect(handle.id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
    expect((await stat(join(folder, 'session.json'))).mode & 0o777).toBe(0o600);
    expect(await readFile(join(folder, 'spec.yaml'), 'utf8')).toBe(init.specText);
    expect(await handle.readSpec()).toEqual({ text: init.specText, fileName: 'demo.yaml' });
    const record = await handle.update({ status: 'paused', invocations: 2 });
    expect(record).toMatchObject({ status: 'paused', invocations: 2, vars: ['topic=ai'] });
    expect(record.specHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(await readFile(join(folder, 'session.json'), 'utf8'))).toEqual(record);
    expect((await readdir(folder)).sort()).toEqual(['lock', 'session.json', 'spec.yaml']);
    await handle.release();
    await handle.release();
    expect((await readdir(folder)).sort()).toEqual(['session.json', 'spec.yaml']);
  });

  it('keeps a JSON spec as spec.json and the journal as JSON lines', async () => {
    const dir = await storeDir();
    const handle = await createFileSessionStore({ dir }).create({ ...init, specFileName: 'x.json' });
    await handle.journal.append({
      position: '/a#0',
      kind: 'human',
      requestHash: 'h',
      result: 'yes',
      at: 'now',
    });
    await handle.release();
    expect((await readdir(join(dir, handle.id))).sort()).toEqual([
      'journal.jsonl',
      'session.json',
      'spec.json',
    ]);
    const reopened = await createFileSessionStore({ dir }).open(handle.id);
    expect(await reopened.journal.read()).toHaveLength(1);
    await reopened.release();
  });

  it('lets one handle at a time drive a session', async () => {
    const store = createFileSessionStore({ dir: await storeDir() });
    const first = await store.create(init);
    await expect(store.open(first.id)).rejects.toThrow(`in use by process ${process.pid}`);
    await expect(store.delete(first.id)).rejects.toSatisfy(SessionError.isInstance);
    await first.release();
    const second = await store.open(first.id);
    await expect(first.update({ status: 'failed' })).rejects.toThrow('released');
    await second.release();
  });

  it('takes over the lock of a dead process and reports the session interrupted until then', async () => {
    const dir = await storeDir();
    const notices: number[] = [];
    const store = createFileSessionStore({ dir, onStaleLock: ({ owner }) => notices.push(owner.pid) });
    const handle = await store.create(init);
    await handle.release();
    expect((await store.get(handle.id))?.status).toBe('interrupted');
    const pid = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']));
    await writeFile(
      join(dir, handle.id, 'lock'),
      JSON.stringify({ pid, hostname: hostname(), startedAt: 'x' }),
    );
    expect((await store.get(handle.id))?.status).toBe('interrupted');
    expect((await store.list())[0]?.status).toBe('interrupted');
    const resumed = await store.open(handle.id);
    expect(notices).toEqual([pid]);
    expect((await store.get(handle.id))?.status).toBe('running');
    await resumed.release();
  });

  it('lists newest first and skips folders that are not readable sessions', async () => {
    const dir = await storeDir();
    const store = createFileSessionStore({ dir, now: steppingClock() });
    const older = await store.create(init);
    const newer = await store.create({ ...init, name: 'second' });
    await older.update({ status: 'completed' });
    await mkdir(join(dir, 'broken'));
    await writeFile(join(dir, 'broken', 'session.json'), '{');
    await writeFile(join(dir, 'stray-file'), '');
    expect((await store.list()).map((record) => record.id)).toEqual([older.id, newer.id]);
    await Promise.all([older.release(), newer.release()]);
  });

  it('lists nothing when the folder does not exist yet', async () => {
    expect(await createFileSessionStore({ dir: await storeDir() }).list()).toEqual([]);
  });

  it('says how to find the sessions for an unknown id, and refuses ids that are not ids', async () => {
    const store = createFileSessionStore({ dir: await storeDir() });
    await expect(store.open('nope')).rejects.toMatchObject({
      exitCode: 17,
      hint: expect.stringContaining('strands sessions list'),
    });
    await expect(store.delete('nope')).rejects.toSatisfy(SessionError.isInstance);
    expect(await store.get('nope')).toBeUndefined();
    for (const id of ['../x', 'a/b', '.', '', 'a b', 'x;rm']) {
      await expect(store.open(id)).rejects.toThrow('is not a session id');
    }
  });

  it('deletes a session nobody holds', async () => {
    const dir = await storeDir();
    const store = createFileSessionStore({ dir });
    const handle = await store.create(init);
    await handle.release();
    await store.delete(handle.id);
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps attachments beside a session, private, and refuses names that could leave its folder', async () => {
    const dir = await storeDir();
    const store = createFileSessionStore({ dir });
    const handle = await store.create(init);
    await handle.release();
    expect(await store.readAttachment?.(handle.id, 'trace.json')).toBeUndefined();
    await store.writeAttachment?.(handle.id, 'trace.json', '{"spans":[]}\n');
    await store.writeAttachment?.(handle.id, 'trace.json', '{"spans":[1]}\n');
    expect(await store.readAttachment?.(handle.id, 'trace.json')).toBe('{"spans":[1]}\n');
    expect((await stat(join(dir, handle.id, 'trace.json'))).mode & 0o777).toBe(0o600);
    expect((await readdir(join(dir, handle.id))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    await expect(store.writeAttachment?.(handle.id, '../escape.json', '{}')).rejects.toThrow(SessionError);
    await expect(store.writeAttachment?.(handle.id, 'session.yaml', '{}')).rejects.toThrow(SessionError);
    await expect(
      store.writeAttachment?.('00000000-0000-0000-0000-000000000000', 'trace.json', '{}'),
    ).rejects.toThrow(/No session/);
  });
});
