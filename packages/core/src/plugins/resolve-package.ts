import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** An installed package: its folder and its parsed package.json. */
export interface InstalledPackage {
  readonly directory: string;
  readonly manifest: Readonly<Record<string, unknown>>;
}

/**
 * Finds an installed package by walking `node_modules` up from each base directory, in order (the
 * spec's folder first, then the working directory, then the CLI's own install). Undefined when it is
 * not installed anywhere (or its package.json is not valid JSON).
 */
export function findInstalledPackage(
  packageName: string,
  baseDirectories: readonly string[],
): InstalledPackage | undefined {
  for (const base of baseDirectories) {
    let directory = resolve(base);
    for (;;) {
      const packageDirectory = join(directory, 'node_modules', packageName);
      const manifestPath = join(packageDirectory, 'package.json');
      if (existsSync(manifestPath)) {
        const manifest = readManifest(manifestPath);
        if (manifest) return { directory: packageDirectory, manifest };
      }
      const parent = dirname(directory);
      if (parent === directory) break;
      directory = parent;
    }
  }
  return undefined;
}

/** The ESM entry of an installed package as a file URL, or `undefined` when it is not installed. */
export function resolvePackageEntry(
  packageName: string,
  baseDirectories: readonly string[],
): string | undefined {
  const found = findInstalledPackage(packageName, baseDirectories);
  if (!found) return undefined;
  const { exports, module, main } = found.manifest;
  const target =
    pickExport(exports) ??
    (typeof module === 'string' ? module : undefined) ??
    (typeof main === 'string' ? main : undefined) ??
    'index.js';
  return pathToFileURL(join(found.directory, target)).href;
}

function readManifest(manifestPath: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
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
