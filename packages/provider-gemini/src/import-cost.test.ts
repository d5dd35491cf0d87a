import { fileURLToPath } from 'node:url';
import { modulesLoadedBy } from '@strands-cli/test-servers/import-probe';
import { describe, expect, it } from 'vitest';

describe('importing @strands-cli/provider-gemini', () => {
  it('loads neither the Google Gen AI SDK nor undici (validate and --help stay fast)', async () => {
    const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));
    const loaded = await modulesLoadedBy(entry);
    expect(loaded.some((url) => url.includes('/provider-gemini/dist/'))).toBe(true);
    expect(loaded.filter((url) => /node_modules\/(@google\/genai|undici)\//.test(url))).toEqual([]);
  });
});
