import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileSessionStore } from '@strands-cli/core';
import { describe, expect, it } from 'vitest';
import { bufferIO } from '../__fixtures__/fake-provider-package.js';
import type { CliIO } from '../io.js';
import { main } from '../main.js';

const day = 86_400_000;

/** A session folder with a failed, a paused (with a secret variable) and a completed session. */
async function sessionsFixture() {
  const dir = join(await mkdtemp(join(tmpdir(), 'strands-cli-sessions-')), 'sessions');
  let clock = Date.parse('2025-01-01T00:00:00.000Z');
  const store = createFileSessionStore({ dir, now: () => new Date(clock) });
  const init = { pattern: 'chain', specText: 'version: 1\n', specFileName: 'w.yaml', vars: [] };
  const failed = await store.create({ ...init, name: 'first' });
  await failed.update({ status: 'failed', error: { message: 'step 2 failed', exitCode: 10 } });
  await failed.release();
  clock += day;
  const paused = await store.create({ ...init, name: 'second', vars: ['topic=ai', 'api_key=sk-hidden-123'] });
  await paused.update({
    status: 'paused',
    invocations: 2,
    usage: { inputTokens: 10, outputTokens: 5 },
    pending: [
      {
        position: '/pattern/config/steps/1#0',
        step: { pointer: '/pattern/config/steps/1', label: 'step 2' } as never,
        prompt: 'Approve the draft?',
        contextDisplay: 'draft text',
        askedAt: '2025-01-02T00:00:00.000Z',
      },
    ],
  });
  await paused.release();
  clock += day;
  const completed = await store.create({ ...init, name: 'third' });
  await completed.update({ status: 'completed', artifacts: ['/out/report.md'] });
  await completed.release();
  return { dir, ids: { failed: failed.id, paused: paused.id, completed: completed.id } };
}

function ioFor(dir: string, tty = false) {
  return bufferIO(process.cwd(), { STRANDS_SESSIONS_DIR: dir }, tty);
}

describe('strands sessions', () => {
  it('lists sessions newest first, filters by status, and prints JSON', async () => {
    const { dir, ids } = await sessionsFixture();
    const table = ioFor(dir);
    expect(await main(['sessions', 'list'], table.io)).toBe(0);
    const lines = table.stdout().trim().split('\n');
    expect(lines[0]).toMatch(/^ID\s+WORKFLOW\s+PATTERN\s+STATUS\s+UPDATED/);
    expect(lines.slice(1).map((line) => line.split(/\s+/)[0])).toEqual([
      ids.completed,
      ids.paused,
      ids.failed,
    ]);

    const filtered = ioFor(dir);
    expect(await main(['sessions', 'list', '--status', 'paused', '--json'], filtered.io)).toBe(0);
    const document = JSON.parse(filtered.stdout());
    expect(document.sessions.map((record: { id: string }) => record.id)).toEqual([ids.paused]);
    expect(document.sessions[0].vars).toEqual(['topic=ai', 'api_key=[REDACTED]']);
    expect(filtered.stdout()).not.toContain('sk-hidden-123');
  });

  it('names the folder it read when there is no session (the folder is not a secret)', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'strands-cli-sessions-')), 'none');
    const { io, stdout } = ioFor(dir);
    expect(await main(['sessions', 'list'], io)).toBe(0);
    expect(stdout()).toBe(`No sessions in ${dir}\n`);
    const bare = ioFor(dir);
    expect(await main(['sessions'], bare.io)).toBe(0);
    expect(bare.stdout()).toBe(`No sessions in ${dir}\n`);
  });

  it('refuses an unknown status with the valid ones (exit 2)', async () => {
    const { dir } = await sessionsFixture();
    const { io, stderr } = ioFor(dir);
    expect(await main(['sessions', 'list', '--status', 'done'], io)).toBe(2);
    expect(stderr()).toContain('running, paused, completed, failed, interrupted');
  });

  it('shows where a paused session stopped and the command that answers it, without secrets', async () => {
    const { dir, ids } = await sessionsFixture();
    const { io, stdout } = ioFor(dir);
    expect(await main(['sessions', 'show', ids.paused], io)).toBe(0);
    const text = stdout();
    expect(text).toContain('second (pattern chain)');
    expect(text).toContain('15 tokens (in 10, out 5)');
    expect(text).toContain('2 agent invocation(s)');
    expect(text).toContain('step 2: Approve the draft?');
    expect(text).toContain('draft text');
    expect(text).toContain(`strands run --resume ${ids.paused} --hitl-response "<your answer>"`);
    expect(text).toContain('api_key=[REDACTED]');
    expect(text).not.toContain('sk-hidden-123');

    const failed = ioFor(dir);
    expect(await main(['sessions', 'show', ids.failed, '--json'], failed.io)).toBe(0);
    const document = JSON.parse(failed.stdout());
    expect(document.session.error).toEqual({ message: 'step 2 failed', exitCode: 10 });
    expect(document.resume).toBe(`strands run --resume ${ids.failed}`);
  });

  it('says how to find sessions for an unknown id (exit 17)', async () => {
    const { dir } = await sessionsFixture();
    for (const argv of [
      ['show', 'no-such-id'],
      ['delete', 'no-such-id', '--force'],
      ['show', '../etc'],
    ]) {
      const { io, stderr } = ioFor(dir);
      expect(await main(['sessions', ...argv], io)).toBe(17);
      expect(stderr()).toContain('strands sessions list');
    }
    const json = ioFor(dir);
    expect(await main(['sessions', 'show', 'nope', '--json'], json.io)).toBe(17);
    expect(JSON.parse(json.stdout())).toMatchObject({ ok: false, exitCode: 17 });
  });

  it('deletes with --force, asks on a terminal, and refuses to delete unasked in a script', async () => {
    const { dir, ids } = await sessionsFixture();
    const script = ioFor(dir);
    expect(await main(['sessions', 'delete', ids.failed], script.io)).toBe(2);
    expect(script.stderr()).toContain('--force');

    const answers = ['n', 'yes'];
    const questions: string[] = [];
    const base = ioFor(dir, true);
    const terminal: CliIO = {
      ...base.io,
      stdin: { isTTY: true },
      ask: async (question) => {
        questions.push(question);
        return answers.shift() ?? '';
      },
    };
    expect(await main(['sessions', 'delete', ids.failed], terminal)).toBe(0);
    expect(await readdir(dir)).toContain(ids.failed);
    expect(await main(['sessions', 'delete', ids.failed], terminal)).toBe(0);
    expect(await readdir(dir)).not.toContain(ids.failed);
    expect(questions[0]).toContain(`Delete session ${ids.failed} (first, failed)?`);

    expect(await main(['sessions', 'delete', ids.paused, '--force'], ioFor(dir).io)).toBe(0);
    expect((await readdir(dir)).sort()).toEqual([ids.completed]);
  });

  it('refuses to delete a session a live process holds', async () => {
    const { dir, ids } = await sessionsFixture();
    const handle = await createFileSessionStore({ dir }).open(ids.failed);
    const { io, stderr } = ioFor(dir);
    expect(await main(['sessions', 'delete', ids.failed, '--force'], io)).toBe(17);
    expect(stderr()).toContain(`in use by process ${process.pid}`);
    await handle.release();
  });

  it('prunes old sessions, keeping completed ones unless asked, and refuses a bad duration', async () => {
    const { dir, ids } = await sessionsFixture();
    const bad = ioFor(dir);
    expect(await main(['sessions', 'prune', '--older-than', '7days'], bad.io)).toBe(2);
    expect(bad.stderr()).toContain('30m, 12h, 7d');
    expect(await main(['sessions', 'prune'], ioFor(dir).io)).toBe(2);

    const kept = ioFor(dir);
    expect(await main(['sessions', 'prune', '--older-than', '1d', '--json'], kept.io)).toBe(0);
    expect(JSON.parse(kept.stdout()).deleted.sort()).toEqual([ids.failed, ids.paused].sort());
    expect(await readdir(dir)).toEqual([ids.completed]);

    const all = ioFor(dir);
    expect(await main(['sessions', 'prune', '--older-than', '1d', '--include-completed'], all.io)).toBe(0);
    expect(all.stdout().trim()).toBe(ids.completed);
    await writeFile(join(dir, 'note.txt'), 'not a session');
    expect(await main(['sessions', 'list'], ioFor(dir).io)).toBe(0);
  });
});
