import { describe, expect, it } from 'vitest';
import { SessionError } from '../spec/v1/session-errors.js';
import { createMemorySessionStore } from './memory-session-store.js';

const init = { name: 'demo', pattern: 'chain', specText: 'version: 1', specFileName: 'd.yaml', vars: [] };

describe('memory session store', () => {
  it('follows the file store rules: one handle, interrupted when nobody holds a running session', async () => {
    const store = createMemorySessionStore();
    const handle = await store.create(init);
    await handle.journal.append({ position: '/a#0', kind: 'value', requestHash: 'h', result: 1, at: 'now' });
    expect((await store.get(handle.id))?.status).toBe('running');
    await expect(store.open(handle.id)).rejects.toSatisfy(SessionError.isInstance);
    await expect(store.delete(handle.id)).rejects.toThrow('in use');
    await handle.release();
    expect((await store.get(handle.id))?.status).toBe('interrupted');
    const again = await store.open(handle.id);
    expect(await again.journal.read()).toHaveLength(1);
    expect(await again.readSpec()).toEqual({ text: 'version: 1', fileName: 'd.yaml' });
    await again.update({ status: 'completed' });
    await again.release();
    await store.delete(handle.id);
    expect(await store.list()).toEqual([]);
    await expect(store.open(handle.id)).rejects.toMatchObject({
      hint: expect.stringContaining('sessions list'),
    });
  });

  it('keeps attachments per session', async () => {
    const store = createMemorySessionStore();
    const handle = await store.create(init);
    await store.writeAttachment?.(handle.id, 'trace.json', '{}');
    expect(await store.readAttachment?.(handle.id, 'trace.json')).toBe('{}');
    expect(await store.readAttachment?.(handle.id, 'other.json')).toBeUndefined();
    await expect(store.writeAttachment?.(handle.id, 'a/b.json', '{}')).rejects.toThrow(SessionError);
  });
});
