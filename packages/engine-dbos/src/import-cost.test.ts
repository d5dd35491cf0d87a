import { fileURLToPath } from 'node:url';
import { modulesLoadedBy } from '@strands-cli/test-servers/import-probe';
import { describe, expect, it } from 'vitest';

describe('importing @strands-cli/engine-dbos', () => {
  it('loads neither DBOS nor pg until a durable run starts', async () => {
    const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));
    const loaded = await modulesLoadedBy(entry);
    expect(loaded.some((url) => url.includes('/engine-dbos/dist/'))).toBe(true);
    expect(loaded.filter((url) => url.includes('@dbos-inc') || url.includes('/pg/'))).toEqual([]);
  });
});
