import type { RunResult } from '@strands-cli/core';
import {
  type CapabilityIssue,
  ExitCode,
  type SpecIssue,
  SpecValidationError,
  StrandsError,
  UsageError,
} from '@strands-cli/core/spec';

/** Replaces secrets in a document before it is serialised (see `RedactingIO.redactValue`). */
export type RedactValue = <T>(value: T) => T;

/**
 * What a `--json` document reports; a reader switches on it before reading any other field.
 * `paused` is reserved for a run that stops to wait for a person.
 */
export type JsonStatus = 'success' | 'failure' | 'spec-error' | 'unsupported' | 'usage-error' | 'paused';

const unchanged: RedactValue = (value) => value;

function serialise(document: Record<string, unknown>, redact: RedactValue): string {
  return `${JSON.stringify(redact(document), null, 2)}\n`;
}

/** A spec problem as every `--json` document carries it (the same fields `validate --json` prints). */
export function jsonIssue(issue: SpecIssue): Record<string, unknown> {
  return { ...issue };
}

/** The one JSON document `strands run --json` prints on stdout for a finished run. */
export function jsonSuccess(result: RunResult, redact: RedactValue = unchanged, sessionId?: string): string {
  return serialise(
    {
      status: 'success' satisfies JsonStatus,
      ok: true,
      exitCode: ExitCode.ok,
      sessionId,
      name: result.name,
      pattern: result.pattern,
      response: result.response,
      agentId: result.agentId,
      startedAt: result.startedAt,
      durationMs: Math.round(result.durationMs),
      usage: result.usage,
      artifacts: result.artifacts,
      counts: result.counts,
      journal: result.journal,
      // Peak memory of the whole process (resident set), for load and soak checks.
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      steps: result.steps.map((step) => ({
        label: step.step.label,
        pointer: step.step.pointer,
        agentId: step.agentId,
        response: step.text,
        usage: step.usage,
        turns: step.turns,
        toolCalls: step.toolCalls,
        durationMs: Math.round(step.durationMs),
        ...(step.replayed ? { replayed: true } : {}),
      })),
    },
    redact,
  );
}

/**
 * The JSON document for a run that ended with an error (the message also goes to stderr). A spec
 * that does not load is a `spec-error` with every located problem in `issues`, as `validate --json`
 * lists them; a wrong combination of flags found after parsing (`run` without a spec, `--resume`
 * with one) is a `usage-error` like the flag errors the parser finds; anything else is a `failure`.
 */
export function jsonFailure(
  error: unknown,
  exitCode: number,
  redact: RedactValue = unchanged,
  sessionId?: string,
): string {
  const message = error instanceof Error ? error.message : String(error);
  const hint = StrandsError.isInstance(error) ? error.hint : undefined;
  const name = (error as Error)?.name ?? 'Error';
  if (SpecValidationError.isInstance(error)) {
    return serialise(
      {
        status: 'spec-error' satisfies JsonStatus,
        ok: false,
        exitCode,
        error: { name, message, hint },
        issues: error.issues.map(jsonIssue),
      },
      redact,
    );
  }
  return serialise(
    {
      status: (UsageError.isInstance(error) ? 'usage-error' : 'failure') satisfies JsonStatus,
      ok: false,
      exitCode,
      sessionId,
      error: { name, message, hint },
    },
    redact,
  );
}

/** The JSON document for a spec that uses features this version cannot run (exit 18). */
export function jsonUnsupported(
  issues: readonly CapabilityIssue[],
  report: string,
  redact: RedactValue = unchanged,
): string {
  return serialise(
    {
      status: 'unsupported' satisfies JsonStatus,
      ok: false,
      exitCode: ExitCode.unsupported,
      unsupported: issues,
      report,
    },
    redact,
  );
}

/** The JSON document for a command line that could not be parsed (an unknown option, a bad value). */
export function jsonUsageError(message: string, code: string): string {
  return serialise(
    {
      status: 'usage-error' satisfies JsonStatus,
      ok: false,
      exitCode: ExitCode.usage,
      error: { name: 'UsageError', code, message },
    },
    unchanged,
  );
}
