import { join, resolve } from 'node:path';
import type { CapabilityIssue } from '../spec/v1/errors.js';
import type { WorkflowSpec } from '../spec-file/schema/workflow-spec.js';
import { sanitizeFilename } from './artifact-paths.js';
import { writeArtifacts } from './write-artifacts.js';

/** The Markdown report `strands run` writes when a spec uses features this version cannot run. */
export function formatUnsupportedReport(
  spec: Pick<WorkflowSpec, 'name'>,
  issues: readonly CapabilityIssue[],
  file?: string,
): string {
  const lines = [
    `# Unsupported features: ${spec.name}`,
    '',
    file ? `Spec file: \`${file}\`` : undefined,
    '',
    `This version of strands-cli cannot run this spec yet. It found ${issues.length} feature(s) it does not support:`,
    '',
  ].filter((line): line is string => line !== undefined);
  issues.forEach((issue, index) => {
    lines.push(`## ${index + 1}. \`${issue.pointer || '/'}\``, '', `- **Reason:** ${issue.reason}`);
    lines.push(`- **Remediation:** ${issue.remediation}`, '');
  });
  lines.push(
    'Run `strands explain <spec>` for the same list, or `strands list-supported` for what works.',
    '',
  );
  return lines.join('\n');
}

/**
 * Writes `<out>/<sanitized name>-unsupported.md` (replacing an older report) and returns its path.
 * @throws ArtifactError when it cannot be written.
 */
export async function writeUnsupportedReport(
  spec: Pick<WorkflowSpec, 'name'>,
  issues: readonly CapabilityIssue[],
  outDirectory: string,
  file?: string,
): Promise<string> {
  const path = join(resolve(outDirectory), `${sanitizeFilename(spec.name)}-unsupported.md`);
  const [written] = await writeArtifacts(
    [{ path, content: formatUnsupportedReport(spec, issues, file) }],
    outDirectory,
    true,
  );
  return written ?? path;
}
