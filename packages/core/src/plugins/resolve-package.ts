import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Finds the ESM entry of an installed package by walking `node_modules` up from each base directory,
 * in order (the spec's folder first, then the working directory, then the CLI's own install). Returns
 * a file URL, or `undefined` when the package is not installed anywhere.
 */
export function resolvePackageEntry(
  packageName: string,
  baseDirectories: readonly string[],
): string | undefined {
  for (const base of baseDirectories) {
    let directory = resolve(base);
    for (;;) {
      const packageDirectory = join(directory, 'node_modules', packageName);
      const manifestPath = join(packageDirectory, 'package.json');
      if (existsSync(manifestPath)) {
        const entry = entryFromManifest(packageDirectory, manifestPath);
        if (entry) return pathToFileURL(entry).href;
      }
      const parent = dirname(directory);
      if (parent === directory) break;
      directory = parent;
    }
  }
  return undefined;
}

function entryFromManifest(packageDirectory: string, manifestPath: string): string | undefined {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    exports?: unknown;
    module?: string;
    main?: string;
  };
  const target = pickExport(manifest.exports) ?? manifest.module ?? manifest.main ?? 'index.js';
  return join(packageDirectory, target);
}

function pickExport(exportsField: unknown): string | undefined {
  if (typeof exportsField === 'string') return exportsField;
  if (!exportsField || typeof exportsField !== 'object') return undefined;
  const record = exportsField as Record<string, unknown>;
  const root = '.' in record ? record['.'] : record;
  if (typeof root === 'string') return root;
  if (!root || typeof root !== 'object') return undefined;
  for (const condition of ['import', 'node', 'default']) {
    const value = (root as Record<string, unknown>)[condition];
    if (typeof value === 'string') return value;
    const nested = pickExport(value);
    if (nested) return nested;
  }
  return undefined;
}
