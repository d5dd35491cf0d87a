import type { PendingHumanInputV1, RunPausedError } from '@strands-cli/core/spec';
import { ExitCode } from '@strands-cli/core/spec';
import type { Style } from '../progress/format.js';
import type { RedactValue } from '../progress/json-result.js';

/** The command that answers the first question of a paused session. */
export function resumeCommand(sessionId: string, answer = '<your answer>'): string {
  return `strands run --resume ${sessionId} --hitl-response ${shellQuote(answer)}`;
}

/**
 * The panel a paused run prints on stderr: which step waits, the question, what the person needs to
 * see (the rendered `context_display`), the default and deadline, and the exact command that answers.
 */
export function formatPausedPanel(error: RunPausedError, style: Style): string {
  const [first, ...others] = error.pending;
  if (!first) return `${error.message}\n`;
  const lines = ['', style.bold(`⏸  HUMAN INPUT REQUIRED · ${first.step.label}`), '', first.prompt.trim()];
  if (first.contextDisplay?.trim()) lines.push('', style.dim('── context ──'), first.contextDisplay.trim());
  lines.push('');
  if (first.default !== undefined) lines.push(`Default answer: ${first.default}`);
  if (first.timeoutAt !== undefined) lines.push(`The default applies after ${first.timeoutAt}`);
  if (others.length > 0) {
    lines.push(`Also waiting: ${others.map((item) => item.step.label).join(', ')} (asked after this one)`);
  }
  if (error.sessionId !== undefined) {
    lines.push('', 'Answer and continue with:', `  ${resumeCommand(error.sessionId)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The `--json` document of a paused run. */
export function jsonPaused(error: RunPausedError, redact: RedactValue): string {
  const document = {
    status: 'paused',
    ok: false,
    exitCode: ExitCode.paused,
    sessionId: error.sessionId,
    resumeCommand: error.sessionId === undefined ? undefined : resumeCommand(error.sessionId),
    pending: error.pending.map((item: PendingHumanInputV1) => ({
      step: item.step.label,
      pointer: item.step.pointer,
      prompt: item.prompt,
      contextDisplay: item.contextDisplay,
      default: item.default,
      askedAt: item.askedAt,
      timeoutAt: item.timeoutAt,
    })),
  };
  return `${JSON.stringify(redact(document), null, 2)}\n`;
}

/** Quotes a value for a POSIX shell when it needs it. */
function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:@=+-]+$/.test(value) ? value : `"${value.replace(/(["\\$`])/g, '\\$1')}"`;
}
