import { describe, expect, it } from 'vitest';
import { createMemorySessionStore } from './memory-session-store.js';
import { pruneSessions } from './prune-sessions.js';

const init = { name: 'demo', pattern: 'chain', specText: 'version: 1', specFileName: 'd.yaml', vars: [] };
const day = 86_400_000;

describe('pruneSessions', () => {
  it('deletes old sessions, keeps completed ones unless asked, and never touches a live one', async () => {
    let clock = Date.parse('2025-01-01T00:00:00.000Z');
    const store = createMemorySessionStore({ now: () => new Date(clock) });
    const failed = await store.create(init);
    await failed.update({ status: 'failed' });
    await failed.release();
    const completed = await store.create(init);
    await completed.update({ status: 'completed' });
    await completed.release();
    const live = await store.create(init);
    clock += 10 * day;
    const recent = await store.create(init);
    await recent.update({ status: 'paused' });
    await recent.release();
    const now = new Date(clock);

    expect(await pruneSessions(store, { olderThanMs: 7 * day, now })).toEqual([failed.id]);
    expect(await pruneSessions(store, { olderThanMs: 7 * day, now, keepCompleted: false })).toEqual([
      completed.id,
    ]);
    expect((await store.list()).map((record) => record.id).sort()).toEqual([live.id, recent.id].sort());
    await live.release();
  });
});
