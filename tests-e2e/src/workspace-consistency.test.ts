import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinExecutorPackages, builtinProviderPackages } from '@strands-cli/core';
import { describe, expect, it } from 'vitest';

const packagesDirectory = fileURLToPath(new URL('../../packages/', import.meta.url));

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  type?: string;
  sideEffects?: boolean;
  engines?: { node?: string };
  exports?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const packages = readdirSync(packagesDirectory).map((directory) => ({
  directory,
  manifest: JSON.parse(readFileSync(join(packagesDirectory, directory, 'package.json'), 'utf8')) as Manifest,
}));

describe('workspace packages', () => {
  it.each(packages)('$directory has the shared package.json shape', ({ manifest }) => {
    expect(manifest.name).toMatch(/^@strands-cli\//);
    expect(manifest.type).toBe('module');
    expect(manifest.sideEffects).toBe(false);
    expect(manifest.engines?.node).toBe('>=20.19');
    const root = manifest.exports?.['.'] as Record<string, string> | undefined;
    expect(Object.keys(root ?? {})[0]).toBe('types');
  });

  it.each(packages.filter(({ manifest }) => manifest.private !== true))(
    '$directory exports a VERSION equal to its package.json version',
    ({ directory, manifest }) => {
      const candidates = ['src/version.ts', 'src/index.ts'].map((file) =>
        join(packagesDirectory, directory, file),
      );
      const source = candidates
        .filter((file) => existsSync(file))
        .map((file) => readFileSync(file, 'utf8'))
        .join('\n');
      const declared = /VERSION\s*=\s*'([^']+)'/.exec(source)?.[1];
      if (directory === 'core') return; // the core has no VERSION constant of its own
      expect(declared).toBe(manifest.version);
    },
  );

  it.each(packages.filter(({ directory }) => /^(executor|provider)-/.test(directory)))(
    '$directory depends on the core as a peer and on no other plugin',
    ({ manifest }) => {
      expect(manifest.peerDependencies?.['@strands-cli/core']).toBeDefined();
      const runtimeDependencies = Object.keys(manifest.dependencies ?? {});
      expect(runtimeDependencies.filter((name) => /@strands-cli\/(executor|provider)-/.test(name))).toEqual(
        [],
      );
      expect(runtimeDependencies).not.toContain('@strands-cli/core');
    },
  );

  it('lists every executor and provider package in the core builtin map', async () => {
    const { builtinExecutorPackages, builtinProviderPackages } = await import('@strands-cli/core');
    const onDisk = packages
      .map(({ manifest }) => manifest.name)
      .filter((name) => /\/(executor|provider)-/.test(name));
    const mapped = [...Object.values(builtinExecutorPackages), ...Object.values(builtinProviderPackages)];
    expect([...mapped].sort()).toEqual([...onDisk].sort());
  });
});

describe('built-in plugin names', () => {
  // The core's map of built-in names is what the CLI, the runtime and the spec schema use; a package
  // added, renamed or removed in the workspace without the map (or the other way round) fails here.
  const named = (prefix: string) =>
    Object.fromEntries(
      packages
        .filter(({ directory }) => directory.startsWith(prefix))
        // A type's folder spells `_` as `-` (executor-evaluator-optimizer runs evaluator_optimizer).
        .map(({ directory, manifest }) => [
          directory.slice(prefix.length).replaceAll('-', '_'),
          manifest.name,
        ]),
    );

  it('the executor map lists exactly the workspace executor packages', () => {
    expect(builtinExecutorPackages).toEqual(named('executor-'));
  });

  it('the provider map lists exactly the workspace provider packages', () => {
    expect(builtinProviderPackages).toEqual(named('provider-'));
  });

  it('no shipped source lists the built-in names by hand', () => {
    // Two or more built-in names side by side, quoted (a list or union type) or in prose (a message).
    const lists = [Object.keys(builtinExecutorPackages), Object.keys(builtinProviderPackages)].map(
      (names) => {
        const name = `['"]?(?:${names.join('|')})['"]?`;
        return new RegExp(`${name}(?:\\s*(?:,|\\||or|and)\\s*${name})+`);
      },
    );
    // A list checked by the compiler against the map (`satisfies Record<BuiltinPatternType, ...>`) may stay.
    const handWritten = packages
      .filter(({ manifest }) => manifest.private !== true)
      .flatMap(({ directory }) => productSources(directory))
      .filter((file) => !file.endsWith('/plugins/builtin-plugins.ts'))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .filter((line) => !/^\s*(\/\/|\*|\/\*\*)/.test(line) && !line.includes('satisfies Record<'))
          .filter((line) => lists.some((list) => list.test(line)))
          .map((line) => `${file}: ${line.trim()}`),
      );
    expect(handWritten).toEqual([]);
  });
});

const testServers = '@strands-cli/test-servers';

/** Source files that ship: everything under a package's src/ but its tests and test fixtures. */
function productSources(directory: string): string[] {
  const src = join(packagesDirectory, directory, 'src');
  if (!existsSync(src)) return [];
  return readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.ts$/.test(file) && !/\.test\.ts$/.test(file) && !file.includes('__fixtures__'))
    .map((file) => join(src, file));
}

describe('the test-only package', () => {
  it('is private, so it is never published', () => {
    const manifest = packages.find(({ manifest }) => manifest.name === testServers)?.manifest;
    expect(manifest?.private).toBe(true);
  });

  it.each(packages.filter(({ manifest }) => manifest.name !== testServers))(
    '$directory imports it from tests only, as a dev dependency',
    ({ directory, manifest }) => {
      const importing = productSources(directory).filter((file) =>
        readFileSync(file, 'utf8').includes(`'${testServers}`),
      );
      expect(importing).toEqual([]);
      expect(manifest.dependencies?.[testServers]).toBeUndefined();
      expect(manifest.peerDependencies?.[testServers]).toBeUndefined();
    },
  );
});
