/**
 * Reads the real repository into a RepositorySnapshot: the workspace packages (the folders that
 * pnpm-workspace.yaml names) and the source files the boundary rules cover.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { RepositorySnapshot, SourceFile, WorkspacePackage } from './import-graph.js';

/** Folders that hold workspace packages, as pnpm-workspace.yaml lists them. */
const packageFolders = [
  { parent: 'packages', match: /.*/ },
  { parent: 'examples', match: /^plugin-/ },
  { parent: '.', match: /^(tests-e2e|bench)$/ },
];

/** Inside each package, the folders whose files are checked (`.` is the whole package). */
function checkedFolders(directory: string): string[] {
  if (directory.startsWith('packages/')) return ['src', 'scripts', 'bin'];
  if (directory.startsWith('examples/')) return ['.'];
  return ['src'];
}

const sourceFile = /\.(ts|mts|cts|js|mjs|cjs)$/;
const skipped = new Set(['node_modules', 'dist']);

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  exports?: Record<string, unknown>;
}

/** `./spec` → `./dist/spec/v1/index.js` becomes `/spec` → `packages/core/src/spec/v1/index.js`. */
function readEntries(directory: string, manifest: Manifest): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    const conditions = (typeof target === 'object' && target !== null ? target : {}) as Record<
      string,
      unknown
    >;
    const file = [target, conditions.import, conditions.default].find((value) => typeof value === 'string');
    if (typeof file !== 'string') continue;
    const source = file.replace(/^\.\/dist\//, './src/');
    entries[subpath.slice(1)] = posix.join(directory, source);
  }
  return entries;
}

function readPackages(root: string): WorkspacePackage[] {
  const packages: WorkspacePackage[] = [];
  for (const { parent, match } of packageFolders) {
    for (const entry of readdirSync(join(root, parent), { withFileTypes: true })) {
      const manifestPath = join(root, parent, entry.name, 'package.json');
      if (!entry.isDirectory() || !match.test(entry.name) || !existsSync(manifestPath)) continue;
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
      const directory = parent === '.' ? entry.name : `${parent}/${entry.name}`;
      packages.push({
        name: manifest.name,
        directory,
        dependencies: Object.keys({
          ...manifest.dependencies,
          ...manifest.peerDependencies,
          ...manifest.optionalDependencies,
        }),
        devDependencies: Object.keys(manifest.devDependencies ?? {}),
        entries: readEntries(directory, manifest),
      });
    }
  }
  return packages;
}

function walk(root: string, relative: string, into: SourceFile[]): void {
  const absolute = join(root, relative);
  if (!existsSync(absolute)) return;
  for (const entry of readdirSync(absolute, { withFileTypes: true })) {
    const path = `${relative}/${entry.name}`;
    if (entry.isDirectory() && !skipped.has(entry.name)) walk(root, path, into);
    if (entry.isFile() && sourceFile.test(entry.name)) {
      into.push({ path, text: readFileSync(join(root, path), 'utf8') });
    }
  }
}

/** Reads the packages and their checked source files under `root`, the repository root. */
export function readRepository(root: string): RepositorySnapshot {
  const packages = readPackages(root);
  const files: SourceFile[] = [];
  for (const { directory } of packages) {
    for (const folder of checkedFolders(directory)) {
      walk(root, folder === '.' ? directory : `${directory}/${folder}`, files);
    }
  }
  return { packages, files };
}
