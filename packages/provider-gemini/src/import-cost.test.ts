import { fileURLToPath } from 'node:url';
import { modulesLoadedBy } from '@strands-cli/test-servers/import-probe';
import { vendorSdkModules } from '@strands-cli/test-servers/startup-probe';
import { describe, expect, it } from 'vitest';

describe('importing @strands-cli/provider-gemini', () => {
  it('loads neither the Google Gen AI SDK nor undici (validate and --help stay fast)', async () => {
    const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));
    const loaded = await modulesLoadedBy(entry);
    expect(loaded.some((url) => url.includes('/provider-gemini/dist/'))).toBe(true);
    // Neither from node_modules nor from the bundled vendor entry (dist/gemini-vendor.js).
    expect(vendorSdkModules(loaded)).toEqual([]);
  });

  it("uses the core's zod instead of loading a second copy", async () => {
    const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));
    const loaded = await modulesLoadedBy(entry);
    expect(
      loaded.filter((url) => /node_modules\/(\.pnpm\/zod@[^/]+\/node_modules\/)?zod\//.test(url)),
    ).toEqual([]);
  });
});
