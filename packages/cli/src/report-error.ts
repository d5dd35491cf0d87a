import { ExitCode, SpecValidationError, StrandsError } from '@strands-cli/core/errors';
import type { CliIO } from './io.js';
import { VERSION } from './version.js';

/**
 * Prints an error the way a user needs it and returns the exit code. Expected errors get their
 * message, located issues and fix; anything else is an internal error with a report block.
 */
export function reportError(error: unknown, io: CliIO): number {
  if (StrandsError.isInstance(error)) {
    if (SpecValidationError.isInstance(error)) {
      const issues = error.issues ?? [];
      io.stderr.write(`${error.message}\n`);
      for (const issue of issues) {
        const position = issue.line === undefined ? '' : `:${issue.line}:${issue.column ?? 1}`;
        const where = `${issue.file ?? ''}${position}`;
        io.stderr.write(`  ${where ? `${where} ` : ''}${issue.pointer || '(root)'}: ${issue.message}\n`);
        if (issue.hint) io.stderr.write(`    fix: ${issue.hint}\n`);
      }
    } else {
      io.stderr.write(`Error: ${error.message}\n`);
    }
    if (error.hint) io.stderr.write(`  fix: ${error.hint}\n`);
    return error.exitCode;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr.write(
    `Internal error: ${error instanceof Error ? error.message : String(error)}\n` +
      `This is a bug in strands-cli ${VERSION} (Node ${process.version}). Please report it with the details below.\n` +
      `${scrubPaths(detail)}\n`,
  );
  return ExitCode.internal;
}

/** Replaces the home directory in stack traces so reports do not leak user names. */
function scrubPaths(text: string): string {
  const home = process.env.HOME;
  return home ? text.split(home).join('~') : text;
}
