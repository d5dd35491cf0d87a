import { describe, expect, it } from 'vitest';
import { importEdges, type WorkspacePackage } from './import-graph.js';

const core: WorkspacePackage = {
  name: '@strands-cli/core',
  directory: 'packages/core',
  dependencies: [],
  devDependencies: [],
  entries: { '/spec': 'packages/core/src/spec/v1/index.js' },
};
const cli: WorkspacePackage = {
  name: '@strands-cli/cli',
  directory: 'packages/cli',
  dependencies: [],
  devDependencies: [],
};

const text = [
  "import { a } from './a.js';",
  "import type { B } from 'zod';",
  "import { type C, d } from 'yaml';",
  "export type { E } from '@strands-cli/core/spec';",
  "const f = await import('node:fs');",
  "const g = require('../../core/src/x.js');",
  "type H = typeof import('@strands-cli/core');",
  "// import 'in-a-comment';",
  'const s = "import(\'in-a-string\')";',
  'const t = `require("in-a-template")`;',
  'const u = await import(dynamicName);',
].join('\n');

describe('importEdges', () => {
  const edges = importEdges({ packages: [core, cli], files: [{ path: 'packages/cli/src/main.mts', text }] });

  it('finds every kind of import with its line, and none inside comments or strings', () => {
    expect(edges.map(({ line, specifier, typeOnly }) => [line, specifier, typeOnly])).toEqual([
      [1, './a.js', false],
      [2, 'zod', true],
      [3, 'yaml', false],
      [4, '@strands-cli/core/spec', true],
      [5, 'node:fs', false],
      [6, '../../core/src/x.js', false],
      [7, '@strands-cli/core', true],
    ]);
  });

  it('resolves relative paths and workspace entry points to the package they reach', () => {
    const [relative, , , entry, builtin, escaping, root] = edges;
    expect(relative?.target).toEqual({ kind: 'relative', path: 'packages/cli/src/a.js', package: cli });
    expect(entry?.target).toMatchObject({
      kind: 'package',
      package: core,
      path: 'packages/core/src/spec/v1/index.js',
    });
    expect(builtin?.target).toEqual({ kind: 'builtin' });
    expect(escaping?.target).toMatchObject({
      kind: 'relative',
      path: 'packages/core/src/x.js',
      package: core,
    });
    expect(root?.target).toMatchObject({ kind: 'package', subpath: '', path: 'packages/core' });
    expect(edges[0]?.from).toBe(cli);
  });
});
