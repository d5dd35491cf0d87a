import { describe, expect, it } from 'vitest';
import { createMockProviderPlugin } from '../testing/mock-provider-plugin.js';
import { ClientPool, closeClientPool, getClientPool } from './client-pool.js';

const settings = (host?: string) => ({ host, maxConnections: 4 });

describe('ClientPool', () => {
  it('creates one client for the same transport and counts the hits', async () => {
    const plugin = createMockProviderPlugin();
    const pool = new ClientPool();
    const first = await pool.acquire(plugin, settings('http://127.0.0.1:1'));
    const second = await pool.acquire(plugin, settings('http://127.0.0.1:1'));
    const third = await pool.acquire(plugin, settings('http://127.0.0.1:1'));
    expect(first.created).toBe(true);
    expect(second.created || third.created).toBe(false);
    expect(second.client).toBe(first.client);
    expect(pool.stats).toEqual({ creates: 1, hits: 2, closes: 0, size: 1 });
    expect(plugin.stats.creates).toBe(1);
  });

  it('keeps one client per transport', async () => {
    const plugin = createMockProviderPlugin();
    const pool = new ClientPool();
    await pool.acquire(plugin, settings('http://127.0.0.1:1'));
    await pool.acquire(plugin, settings('http://127.0.0.1:2'));
    expect(pool.stats.size).toBe(2);
    expect(plugin.stats.creates).toBe(2);
  });

  it('shares one creation between concurrent acquires', async () => {
    const plugin = createMockProviderPlugin();
    const pool = new ClientPool();
    const results = await Promise.all([1, 2, 3].map(() => pool.acquire(plugin, settings())));
    expect(new Set(results.map((result) => result.client)).size).toBe(1);
    expect(plugin.stats.creates).toBe(1);
  });

  it('never shares clients between two plugin objects with the same id', async () => {
    const pool = new ClientPool();
    const a = createMockProviderPlugin();
    const b = createMockProviderPlugin();
    const first = await pool.acquire(a, settings());
    const second = await pool.acquire(b, settings());
    expect(second.client).not.toBe(first.client);
  });

  it('closes an evicted client', async () => {
    const plugin = createMockProviderPlugin();
    const pool = new ClientPool(1);
    await pool.acquire(plugin, settings('http://127.0.0.1:1'));
    await pool.acquire(plugin, settings('http://127.0.0.1:2'));
    await pool.close();
    expect(plugin.clients[0]?.closeCount).toBe(1);
    expect(plugin.stats).toEqual({ creates: 2, closes: 2, open: 0 });
  });

  it('closes every client on close() and stays usable', async () => {
    const plugin = createMockProviderPlugin();
    const pool = new ClientPool();
    await pool.acquire(plugin, settings('http://127.0.0.1:1'));
    await pool.acquire(plugin, settings('http://127.0.0.1:2'));
    await pool.close();
    expect(plugin.stats.open).toBe(0);
    expect(pool.stats.size).toBe(0);
    const again = await pool.acquire(plugin, settings('http://127.0.0.1:1'));
    expect(again.created).toBe(true);
  });

  it('does not cache a failed creation', async () => {
    const plugin = createMockProviderPlugin();
    let fail = true;
    const flaky = {
      ...plugin,
      create: async (value: Parameters<typeof plugin.create>[0]) => {
        if (fail) throw new Error('no socket');
        return plugin.create(value);
      },
    };
    const pool = new ClientPool();
    await expect(pool.acquire(flaky, settings())).rejects.toThrow('no socket');
    fail = false;
    const result = await pool.acquire(flaky, settings());
    expect(result.created).toBe(true);
    expect(pool.stats.creates).toBe(1);
  });

  it('has a process-wide pool that closeClientPool() closes', async () => {
    const plugin = createMockProviderPlugin();
    await getClientPool().acquire(plugin, settings());
    expect(plugin.stats.open).toBe(1);
    await closeClientPool();
    expect(plugin.stats.open).toBe(0);
    await closeClientPool();
  });
});
