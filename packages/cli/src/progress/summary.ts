import { displayPath, type RunResult } from '@strands-cli/core';
import { formatDuration, formatTokens, type Style } from './format.js';

/** The final summary on stderr: duration, tokens, artifacts; `verbose` adds cache, pool and request counts. */
export function formatSummary(
  result: RunResult,
  options: { verbose: boolean; cwd: string; style: Style; sessionId?: string },
): string {
  const { style } = options;
  const lines = [
    `${style.green('✓')} ${style.bold(result.name)} completed in ${formatDuration(result.durationMs)} · ${formatTokens(result.usage)}`,
  ];
  const { replayed, recorded, diverged } = result.journal;
  if (replayed > 0) {
    lines.push(
      `  Resumed: ${replayed} effect(s) answered from the session, ${recorded} done live${diverged ? ` (re-ran from ${diverged.label})` : ''}`,
    );
  }
  if (result.artifacts.length === 0) lines.push('  No artifacts written');
  else {
    lines.push(`  Artifacts written (${result.artifacts.length}):`);
    for (const path of result.artifacts) lines.push(`    ${displayPath(path, options.cwd)}`);
  }
  if (options.verbose) {
    const { counts } = result;
    if (options.sessionId !== undefined) lines.push(`  Session: ${options.sessionId}`);
    lines.push(
      `  Agents: ${counts.agentsBuilt} built, ${counts.agentsReused} reused · invocations: ${counts.invocations}`,
      `  Clients: ${counts.clientsCreated} created, ${counts.clientsReused} reused from the pool`,
    );
    for (const [provider, entry] of Object.entries(counts.providers)) {
      lines.push(`  Requests to ${provider}: ${entry.requests} (${entry.retries} retries)`);
    }
  }
  return `${lines.join('\n')}\n`;
}
