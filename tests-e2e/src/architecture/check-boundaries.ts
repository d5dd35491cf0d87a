/**
 * Applies the boundary rules to a repository's import graph and sets the violations found against
 * the list of known ones, so a test can fail on a new violation and on a known one that is gone.
 */
import type { BoundaryRule, ClassifiedImport, KnownViolation } from './boundary-model.js';
import { type ImportEdge, importEdges, type RepositorySnapshot } from './import-graph.js';
import { boundaryRules, isTestTool, layerOf, roleOf } from './rules.js';

/** One import that crosses one boundary. */
export interface Violation {
  file: string;
  line: number;
  specifier: string;
  rule: BoundaryRule;
}

/** The outcome of a check. The repository is clean when `unexpected` and `stale` are both empty. */
export interface BoundaryReport {
  /** Every violation found, known or not. */
  violations: Violation[];
  /** Violations not in the known list. */
  unexpected: Violation[];
  /** Known entries that match no violation any more: remove them from the list. */
  stale: KnownViolation[];
}

function classify(edge: ImportEdge): ClassifiedImport {
  const fromLayer = layerOf(edge.file);
  const { target } = edge;
  const reached = target.kind === 'builtin' ? undefined : target.path;
  return {
    file: edge.file,
    line: edge.line,
    specifier: edge.specifier,
    typeOnly: edge.typeOnly,
    from: { layer: fromLayer, role: roleOf(edge.file, fromLayer), package: edge.from },
    to: {
      kind: target.kind,
      name: target.kind === 'package' ? target.name : undefined,
      layer: reached === undefined ? undefined : layerOf(reached),
      package: target.kind === 'builtin' ? undefined : target.package,
      testTool: target.kind === 'package' && isTestTool(target.name),
    },
  };
}

const matches = (known: KnownViolation, violation: Violation): boolean =>
  known.file === violation.file && known.imports === violation.specifier && known.rule === violation.rule.id;

/** Checks every import of `repository` against `rules`, allowing the `known` violations. */
export function checkBoundaries(
  repository: RepositorySnapshot,
  known: readonly KnownViolation[],
  rules: readonly BoundaryRule[] = boundaryRules,
): BoundaryReport {
  const violations: Violation[] = [];
  for (const edge of importEdges(repository).map(classify)) {
    for (const rule of rules) {
      if (rule.breaks(edge)) {
        violations.push({ file: edge.file, line: edge.line, specifier: edge.specifier, rule });
      }
    }
  }
  return {
    violations,
    unexpected: violations.filter((violation) => !known.some((entry) => matches(entry, violation))),
    stale: known.filter((entry) => !violations.some((violation) => matches(entry, violation))),
  };
}

/** `file:line imports X — rule: why — fix: how`, one line a reviewer can act on. */
export function formatViolation(violation: Violation): string {
  const { file, line, specifier, rule } = violation;
  return `${file}:${line} imports ${specifier} — ${rule.id}: ${rule.why} — fix: ${rule.fix}`;
}

/** A known entry that no longer matches anything, with what to do about it. */
export function formatStale(entry: KnownViolation): string {
  return `${entry.file} no longer imports ${entry.imports} against ${entry.rule}: remove this entry from knownViolations in rules.ts`;
}
