/**
 * A small synthetic repository shaped like the real one, whose imports keep every boundary. Tests add
 * one file (or change one manifest) to it to prove a rule fires.
 */
import type { RepositorySnapshot, SourceFile, WorkspacePackage } from './import-graph.js';

const core = '@strands-cli/core';

function workspacePackage(
  name: string,
  directory: string,
  dependencies: string[] = [],
  devDependencies: string[] = [],
): WorkspacePackage {
  return { name, directory, dependencies, devDependencies };
}

/** The packages: the core (with its /spec and /testing entries), plugins, the CLI, test kits, harnesses. */
export const syntheticPackages: readonly WorkspacePackage[] = [
  {
    ...workspacePackage(core, 'packages/core', ['zod']),
    entries: {
      '': 'packages/core/src/index.js',
      '/spec': 'packages/core/src/spec/v1/index.js',
      '/testing': 'packages/core/src/testing/index.js',
    },
  },
  workspacePackage('@strands-cli/executor-a', 'packages/executor-a', [core]),
  workspacePackage('@strands-cli/executor-d', 'packages/executor-d', [], [core]),
  workspacePackage('@strands-cli/provider-b', 'packages/provider-b', [core], ['@strands-cli/test-servers']),
  workspacePackage('@acme/plugin-c', 'examples/plugin-c', [core]),
  workspacePackage('@strands-cli/cli', 'packages/cli', [core, '@strands-cli/executor-a']),
  workspacePackage('@strands-cli/test-servers', 'packages/test-servers', [core]),
  workspacePackage('@strands-cli/tests-e2e', 'tests-e2e', [
    core,
    '@strands-cli/cli',
    '@strands-cli/test-servers',
  ]),
  workspacePackage('@strands-cli/bench', 'bench', [core, '@strands-cli/test-servers']),
];

/** Files that use every allowed kind of import, and mention forbidden ones only in strings and comments. */
export const cleanFiles: readonly SourceFile[] = [
  {
    path: 'packages/core/src/spec/v1/index.ts',
    text: "import { readFile } from 'node:fs/promises';\nimport type { ZodType } from 'zod';\nexport * from './errors.js';\n",
  },
  { path: 'packages/core/src/spec/v1/errors.ts', text: 'export class StrandsError extends Error {}\n' },
  {
    path: 'packages/core/src/spec/v1/errors.test.ts',
    text: "import { it } from 'vitest';\nimport { loadSpec } from '../../spec-file/load.js';\n",
  },
  {
    path: 'packages/core/src/runtime/run.ts',
    text: "import { z } from 'zod';\nimport { StrandsError } from '../spec/v1/index.js';\nconst plugin = await import(name);\n",
  },
  {
    path: 'packages/core/src/runtime/run.test.ts',
    text: "import { it } from 'vitest';\nimport { mockProvider } from '../testing/index.js';\n",
  },
  { path: 'packages/core/src/testing/index.ts', text: "import { expect } from 'vitest';\n" },
  {
    path: 'packages/executor-a/src/index.ts',
    text: [
      "import { defineExecutor } from '@strands-cli/core/spec';",
      "// import '@strands-cli/provider-b' would tie two plugins together",
      "const hint = `import('@strands-cli/cli')`;",
      'const other = "require(\'../../core/src/index.js\')";',
    ].join('\n'),
  },
  {
    path: 'packages/executor-a/src/run.test.ts',
    text: "import { testExecutor } from '@strands-cli/core/testing';\n",
  },
  {
    path: 'packages/executor-d/src/index.test.ts',
    text: "import { defineExecutor } from '@strands-cli/core/spec';\n",
  },
  { path: 'packages/provider-b/src/index.ts', text: "const sdk = await import('vendor-sdk');\n" },
  {
    path: 'packages/provider-b/src/__fixtures__/server.ts',
    text: "import { startServer } from '@strands-cli/test-servers';\n",
  },
  {
    path: 'examples/plugin-c/src/index.ts',
    text: "export { defineExecutor } from '@strands-cli/core/spec';\n",
  },
  {
    path: 'packages/cli/src/main.ts',
    text: "import { runWorkflow } from '@strands-cli/core';\nimport chain from '@strands-cli/executor-a';\n",
  },
  {
    path: 'packages/test-servers/src/index.ts',
    text: "import type { ModelProviderV1 } from '@strands-cli/core/spec';\n",
  },
  {
    path: 'tests-e2e/src/run.test.ts',
    text: "import { it } from 'vitest';\nimport { startServer } from '@strands-cli/test-servers';\n",
  },
  { path: 'bench/src/main.ts', text: "import { startServer } from '@strands-cli/test-servers';\n" },
];

/** The clean repository plus `extra` files. */
export function syntheticRepository(extra: readonly SourceFile[] = []): RepositorySnapshot {
  return { packages: syntheticPackages, files: [...cleanFiles, ...extra] };
}
