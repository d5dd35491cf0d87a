/**
 * The vocabulary of the boundary rules: layers, roles, a classified import, a rule, a known
 * violation. rules.ts uses it to state the architecture; check-boundaries.ts to apply it.
 */
import type { WorkspacePackage } from './import-graph.js';

/** Where code sits. A package's files share its layer, except the core's contract and test kit. */
export type Layer = 'contract' | 'core' | 'plugin' | 'cli' | 'test-kit' | 'harness';

/**
 * What a file is for. `product` ships to users; `test` is tests, fixtures, test kits and harnesses;
 * `tooling` is build scripts, which run only in this repository.
 */
export type Role = 'product' | 'test' | 'tooling';

/** One import, classified: the facts every rule reads. */
export interface ClassifiedImport {
  file: string;
  line: number;
  specifier: string;
  /** Nothing is loaded at run time (`import type`, `export type`, `typeof import(...)`). */
  typeOnly: boolean;
  from: { layer: Layer | undefined; role: Role; package: WorkspacePackage | undefined };
  to: {
    kind: 'builtin' | 'relative' | 'package';
    /** The package name, for a package specifier. */
    name: string | undefined;
    /** The layer reached, for a file or a workspace package; undefined for outside packages. */
    layer: Layer | undefined;
    /** The workspace package reached, if any. */
    package: WorkspacePackage | undefined;
    /** True for vitest and the like. */
    testTool: boolean;
  };
}

/** A boundary: what it forbids, why, and how to mend an import that crosses it. */
export interface BoundaryRule {
  id: string;
  why: string;
  fix: string;
  breaks(edge: ClassifiedImport): boolean;
}

/** A violation that exists today and is being removed by work in flight. */
export interface KnownViolation {
  /** The importing file, repository-relative. */
  file: string;
  /** The specifier exactly as written; it covers every line of that file importing it. */
  imports: string;
  /** The id of the rule it breaks. */
  rule: string;
  reason: string;
}

/** Known violations of one rule for one reason, written as the report writes them: `file imports specifier`. */
export function known(rule: string, reason: string, entries: readonly string[]): KnownViolation[] {
  return entries.map((entry) => {
    const [file = '', imports = ''] = entry.split(' imports ');
    return { file, imports, rule, reason };
  });
}
