import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { modulesLoadedBy } from './import-probe.js';
import { vendorSdkModules } from './startup-probe.js';

/** zod files loaded from node_modules: a second copy next to the one inside the core's bundle. */
const secondZod = /node_modules\/(\.pnpm\/zod@[^/]+\/node_modules\/)?zod\//;

/**
 * The import-cost tests every provider package runs on its built entry: importing it (what
 * `validate` and `--help` do) loads no vendor SDK and no undici, from node_modules or from the
 * provider's bundled vendor file, and no zod but the core's.
 */
export function describeProviderImportCost(packageName: string, builtEntry: URL): void {
  const folder = `/${packageName.split('/').pop()}/dist/`;
  describe(`importing ${packageName}`, () => {
    it('loads neither its SDK nor undici (validate and --help stay fast)', async () => {
      const loaded = await modulesLoadedBy(fileURLToPath(builtEntry));
      // The probe saw the package itself, so an empty list cannot pass for "nothing loaded".
      expect(loaded.some((url) => url.includes(folder))).toBe(true);
      expect(vendorSdkModules(loaded)).toEqual([]);
    });

    it("uses the core's zod instead of loading a second copy", async () => {
      const loaded = await modulesLoadedBy(fileURLToPath(builtEntry));
      expect(loaded.filter((url) => secondZod.test(url))).toEqual([]);
    });
  });
}
