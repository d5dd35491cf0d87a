import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ArtifactError } from '@strands-cli/core/spec';
import type { ReportInput } from '@strands-cli/telemetry-otel/report';

/**
 * Renders the run report and writes it to `path` (temporary file + rename, so a reader never sees
 * half a report). The report module is imported here, so only the commands that write one load it.
 * @returns the report's size in bytes
 * @throws ArtifactError (exit 12) when the file cannot be written
 */
export async function writeRunReport(path: string, input: ReportInput): Promise<number> {
  const { renderRunReport } = await import('@strands-cli/telemetry-otel/report');
  const html = renderRunReport(input);
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temporary, html);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new ArtifactError(`Could not write the report ${path}: ${(error as Error).message}`, path, {
      hint: 'Choose a writable place with -o FILE.',
      cause: error,
    });
  }
  return Buffer.byteLength(html);
}

/** The report's default file name: `<spec-name>-report.html`, the name made safe for a file. */
export function defaultReportName(specName: string): string {
  const safe = specName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'run';
  return `${safe}-report.html`;
}
