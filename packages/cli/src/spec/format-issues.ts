import type { CapabilityIssue, LoadedSpec, SpecIssue } from '@strands-cli/core';

/** `file:line:col` of an issue (as much as is known). */
export function positionOf(issue: { file?: string; line?: number; column?: number }): string {
  const position = issue.line === undefined ? '' : `:${issue.line}:${issue.column ?? 1}`;
  return `${issue.file ?? ''}${position}`;
}

/** One located issue, with its fix on a second line, as `validate` prints warnings. */
export function formatIssue(label: string, issue: SpecIssue): string {
  const where = positionOf(issue);
  const lines = [`${label}: ${where ? `${where} ` : ''}${issue.pointer || '(root)'}: ${issue.message}`];
  if (issue.hint) lines.push(`  fix: ${issue.hint}`);
  return `${lines.join('\n')}\n`;
}

/** Capability issues numbered, each with its location, reason and remediation. */
export function formatCapabilityIssues(loaded: LoadedSpec, issues: readonly CapabilityIssue[]): string {
  return issues
    .map((issue, index) => {
      const where = positionOf(loaded.locate(issue.pointer));
      return [
        `${index + 1}. ${issue.pointer}${where ? `  (${where})` : ''}`,
        `   Reason: ${issue.reason}`,
        `   → Remediation: ${issue.remediation}`,
      ].join('\n');
    })
    .join('\n\n');
}

/** `1 feature` / `3 features`. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
