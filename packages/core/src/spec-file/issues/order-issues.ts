import type { SpecIssue } from '../../spec/v1/errors.js';

/** Causes before consequences: syntax, then structure, then references, then inputs, then templates. */
const priority: Record<string, number> = {
  parse: 0,
  ref: 1,
  'unknown-key': 2,
  'missing-key': 2,
  schema: 2,
  pattern: 3,
  reference: 4,
  duplicate: 4,
  cycle: 4,
  provider: 4,
  input: 5,
  template: 6,
  'undeclared-variable': 7,
};

/** Sorts issues most useful first: by kind (causes first), then by position in the file. */
export function orderIssues(issues: readonly SpecIssue[]): SpecIssue[] {
  return [...issues].sort(
    (a, b) =>
      (priority[a.code] ?? 4) - (priority[b.code] ?? 4) ||
      (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}
