import { type LoadedSpec, type ToolSetupFinding, toolSetupFindings } from '@strands-cli/core';
import { RuntimeFailure } from '@strands-cli/core/spec';
import type { CliIO } from '../io.js';
import { positionOf } from '../spec/format-issues.js';

/**
 * Said before the first model call of a run, since otherwise the user learns it only after calls were
 * paid for: each tool-setup warning (an unset `${NAME}` placeholder, `tavily_search` without its key)
 * on stderr, unless `quiet`; an unset variable in the header of an MCP server the run needs fails the
 * run here, naming the entry, the variable and where the spec sets it.
 */
export function checkToolSetup(loaded: LoadedSpec, io: CliIO, quiet: boolean): void {
  const findings = toolSetupFindings(loaded.spec, io.env);
  const located = (finding: ToolSetupFinding) => {
    const where = positionOf(loaded.locate(finding.pointer));
    return `${finding.message} (${where ? `${where} ` : ''}${finding.pointer})`;
  };
  const errors = findings.filter((finding) => finding.severity === 'error');
  if (errors.length > 0) throw new RuntimeFailure(errors.map(located).join('\n'), { hint: errors[0]?.hint });
  if (quiet) return;
  for (const finding of findings) {
    io.stderr.write(`Warning: ${located(finding)}${finding.hint ? `\n  fix: ${finding.hint}` : ''}\n`);
  }
}
