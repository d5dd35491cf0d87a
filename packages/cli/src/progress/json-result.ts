import { type RunResult, StrandsError } from '@strands-cli/core';

/** Replaces secrets in a document before it is serialised (see `RedactingIO.redactValue`). */
export type RedactValue = <T>(value: T) => T;

const unchanged: RedactValue = (value) => value;

/** The one JSON document `strands run --json` prints on stdout for a finished run. */
export function jsonSuccess(result: RunResult, redact: RedactValue = unchanged): string {
  return `${JSON.stringify(
    redact({
      ok: true,
      name: result.name,
      pattern: result.pattern,
      response: result.response,
      agentId: result.agentId,
      startedAt: result.startedAt,
      durationMs: Math.round(result.durationMs),
      usage: result.usage,
      artifacts: result.artifacts,
      counts: result.counts,
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
      })),
    }),
    null,
    2,
  )}\n`;
}

/** The JSON document for a failed run (the message also goes to stderr). */
export function jsonFailure(error: unknown, exitCode: number, redact: RedactValue = unchanged): string {
  const message = error instanceof Error ? error.message : String(error);
  const hint = StrandsError.isInstance(error) ? error.hint : undefined;
  const name = (error as Error)?.name ?? 'Error';
  return `${JSON.stringify(redact({ ok: false, exitCode, error: { name, message, hint } }), null, 2)}\n`;
}
