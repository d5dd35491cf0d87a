import type { SessionRecordV1 } from '@strands-cli/core';
import { formatDuration, formatTokens, type Style } from '../progress/format.js';
import { resumeCommand } from './session-view.js';

/** `2025-01-01 12:00` in UTC: sortable, and the same on every machine. */
function shortTime(iso: string): string {
  return iso.replace('T', ' ').slice(0, 16);
}

/** The `sessions list` table: id, workflow, pattern, status, last update; newest first. */
export function formatSessionTable(records: readonly SessionRecordV1[]): string {
  const rows = [
    ['ID', 'WORKFLOW', 'PATTERN', 'STATUS', 'UPDATED (UTC)'],
    ...records.map((record) => [
      record.id,
      record.name,
      record.pattern,
      record.status,
      shortTime(record.updatedAt),
    ]),
  ];
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return `${rows
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
        .join('  '),
    )
    .join('\n')}\n`;
}

/**
 * The `sessions show` panel: what the run is, how far it got, where it stopped and how to go on.
 * `record` must already have its secret variables masked.
 */
export function formatSessionDetails(record: SessionRecordV1, style: Style): string {
  const lines: string[] = [style.bold(`Session ${record.id}`)];
  const field = (label: string, value: string) => lines.push(`  ${label.padEnd(11)}${value}`);
  field('workflow', `${record.name} (pattern ${record.pattern})`);
  field('status', record.status);
  if (record.specPath !== undefined) field('spec', record.specPath);
  field('spec hash', record.specHash);
  field('created', record.createdAt);
  field('updated', record.updatedAt);
  field('variables', record.vars.length === 0 ? '(none)' : record.vars.join(', '));
  field('tokens', formatTokens(record.usage));
  field('steps done', `${record.invocations} agent invocation(s)`);
  field('active', formatDuration(record.activeMs));
  if (record.out !== undefined) field('output', record.out);
  if (record.pending.length > 0) {
    lines.push('', style.bold('Waiting for an answer:'));
    record.pending.forEach((question, index) => {
      lines.push(`  ${index + 1}. ${question.step.label}: ${question.prompt}`);
      if (question.contextDisplay) {
        for (const line of question.contextDisplay.split('\n')) lines.push(`       ${line}`);
      }
      if (question.default !== undefined) lines.push(`     default: ${question.default}`);
      if (question.timeoutAt !== undefined) lines.push(`     default applies after ${question.timeoutAt}`);
    });
  }
  if (record.error) {
    lines.push('', `${style.red('Error')}: ${record.error.message} (exit ${record.error.exitCode})`);
  }
  if (record.artifacts.length > 0) {
    lines.push('', style.bold('Artifacts:'), ...record.artifacts.map((path) => `  ${path}`));
  }
  const resume = resumeCommand(record);
  lines.push('');
  if (resume) lines.push(`Resume with: ${resume}`);
  else if (record.status === 'completed') lines.push('Completed: nothing to resume.');
  else lines.push('Running in another process.');
  return `${lines.join('\n')}\n`;
}
