import { fileURLToPath } from 'node:url';
import { modulesLoadedBy } from '@strands-cli/test-servers/import-probe';
import { describe, expect, it } from 'vitest';

describe('importing @strands-cli/provider-anthropic', () => {
  it('loads neither the Anthropic SDK nor undici (validate and --help stay fast)', async () => {
    const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));
    const loaded = await modulesLoadedBy(entry);
    expect(loaded.some((url) => url.includes('/provider-anthropic/dist/'))).toBe(true);
    expect(loaded.filter((url) => /node_modules\/(@anthropic-ai\/sdk|undici)\//.test(url))).toEqual([]);
  });
});
