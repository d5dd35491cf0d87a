/**
 * The architecture's boundaries, in code: the layers, who may import whom, and why.
 *
 *   cli ───────────────▶ core   runtime, spec files, templates, tools, plugin loader
 *    │ (built-in          │
 *    │  executors)        ▼
 *    └──▶ plugins ────▶ contract   @strands-cli/core/spec: node builtins (and zod types) only
 *         executor-*, provider-*, examples/plugin-*: never each other; the core loads them by name
 *
 *   test kits   @strands-cli/core/testing, @strands-cli/test-servers   tests, fixtures and scripts may
 *   harnesses   tests-e2e, bench                                       use them; product code never
 *
 *   Nothing imports the CLI: tests-e2e and bench run its binary, as users do.
 *
 * boundaries.test.ts checks every import in the repository against `boundaryRules` and
 * `knownViolations`; rules.test.ts proves each rule fires on a synthetic repository.
 */
import type { BoundaryRule, ClassifiedImport, KnownViolation, Layer, Role } from './boundary-model.js';

/**
 * Which folder is which layer. First match wins: the contract and the core's test kit are folders
 * inside the core. A new package must be added here (the boundary test says so).
 */
const layerByPath: ReadonlyArray<readonly [RegExp, Layer]> = [
  [/^packages\/core\/src\/spec(\/|$)/, 'contract'],
  [/^packages\/core\/src\/testing(\/|$)/, 'test-kit'],
  [/^packages\/core(\/|$)/, 'core'],
  [/^packages\/(executor|provider|tools)-[^/]+(\/|$)/, 'plugin'],
  // The durable engine is loaded by name only when a database is given, like a plugin.
  [/^packages\/engine-[^/]+(\/|$)/, 'plugin'],
  // Tracing is an optional add-on the CLI imports only for a traced run, like a plugin loaded by name.
  [/^packages\/telemetry-[^/]+(\/|$)/, 'plugin'],
  [/^examples\/plugin-[^/]+(\/|$)/, 'plugin'],
  [/^packages\/cli(\/|$)/, 'cli'],
  [/^packages\/test-servers(\/|$)/, 'test-kit'],
  [/^(tests-e2e|bench)(\/|$)/, 'harness'],
];

/** The layer of a repository path, or undefined for a folder the diagram does not know yet. */
export function layerOf(path: string): Layer | undefined {
  return layerByPath.find(([pattern]) => pattern.test(path))?.[1];
}

/** The role of a file inside a package of the given layer. */
export function roleOf(path: string, layer: Layer | undefined): Role {
  if (layer === 'test-kit' || layer === 'harness') return 'test';
  if (/\.test(-d)?\.[cm]?[jt]s$/.test(path) || /\/(__fixtures__|testing)\//.test(path)) return 'test';
  if (/^(packages\/[^/]+|examples\/[^/]+)\/(src|bin)\//.test(path)) return 'product';
  return 'tooling';
}

/** Outside packages that exist only for tests. */
const testTools = /^(vitest|@vitest\/.*)$/;

/** Is this outside package a test tool? */
export function isTestTool(name: string): boolean {
  return testTools.test(name);
}

/**
 * The one exception to a self-contained contract: an executor's `configSchema` is a zod schema by
 * design, so the contract names zod's types. Type-only, it loads nothing, and every plugin already
 * has zod as a peer.
 */
const contractMayUseTypesOf = (edge: ClassifiedImport): boolean => edge.typeOnly && edge.to.name === 'zod';

const otherPackage = (edge: ClassifiedImport): boolean =>
  edge.to.package !== undefined && edge.to.package !== edge.from.package;

/** The boundaries. Each import is checked against all of them. */
export const boundaryRules: readonly BoundaryRule[] = [
  {
    id: 'relative-import-stays-in-its-package',
    why: 'each package is built, published and installed on its own; a path into another folder skips its exports and breaks once installed',
    fix: 'import the other package by its name (declared in package.json), or move the shared code into a package both may depend on',
    breaks: (edge) => edge.to.kind === 'relative' && (edge.to.package === undefined || otherPackage(edge)),
  },
  {
    id: 'plugins-stay-independent',
    why: 'plugins are loaded by name, only when a spec uses them, and released on their own; one inside another loads it for every run and ties their versions',
    fix: 'depend only on @strands-cli/core (mostly /spec); move what two plugins share into the core',
    breaks: (edge) => edge.from.layer === 'plugin' && edge.to.layer === 'plugin' && otherPackage(edge),
  },
  {
    id: 'core-never-imports-a-plugin',
    why: 'the core loads executors and providers by name at run time; a static import makes one a hard dependency of every install',
    fix: 'reach plugins through the plugin loader, or test against a plugin from tests-e2e',
    breaks: (edge) =>
      (edge.from.layer === 'core' || edge.from.layer === 'contract') && edge.to.layer === 'plugin',
  },
  {
    id: 'cli-is-run-not-imported',
    why: 'the CLI is the outermost shell, bundled and with no library API; tests and the benchmark run its binary as users do',
    fix: 'import the library API from @strands-cli/core, or spawn the strands binary as a child process',
    breaks: (edge) => edge.to.layer === 'cli' && edge.from.layer !== 'cli',
  },
  {
    id: 'contract-imports-only-node-builtins',
    why: 'every plugin compiles against the contract; it must stay small and stable and pull in no schema, runtime or template engine',
    fix: 'move the type or helper into packages/core/src/spec, or let the other core folder import the contract instead',
    breaks: (edge) =>
      edge.from.layer === 'contract' &&
      edge.from.role === 'product' &&
      edge.to.kind !== 'builtin' &&
      !(edge.to.layer === 'contract' && edge.to.package === edge.from.package) &&
      !contractMayUseTypesOf(edge),
  },
  {
    id: 'product-code-ships-no-test-code',
    why: 'what ships to users must run without test tools: vitest, test kits and harnesses are not installed with it',
    fix: 'move the code into a *.test.ts file, __fixtures__/ or testing/, or move what product code needs out of the test kit',
    breaks: (edge) =>
      edge.from.role === 'product' &&
      (edge.to.testTool || edge.to.layer === 'test-kit' || edge.to.layer === 'harness'),
  },
  {
    id: 'workspace-imports-are-declared',
    why: 'pnpm links only declared packages, so an undeclared import works here by accident; installed product code gets no devDependencies',
    fix: 'declare the package in package.json: dependencies or peerDependencies for product code, devDependencies are enough for tests and scripts',
    breaks: (edge) => {
      const target = edge.to.package;
      if (edge.to.kind !== 'package' || target === undefined || !otherPackage(edge)) return false;
      const declared = edge.from.package?.dependencies.includes(target.name) ?? false;
      const declaredForDevelopment = edge.from.package?.devDependencies.includes(target.name) ?? false;
      return !(declared || (edge.from.role !== 'product' && declaredForDevelopment));
    },
  },
];

/**
 * Violations tolerated for now, each with the change that removes it. Empty: the boundaries hold. The
 * boundary test fails on any violation not listed here, and on an entry that no longer happens.
 */
export const knownViolations: readonly KnownViolation[] = [];
