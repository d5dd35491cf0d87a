import type { SecretRedactor } from '../secrets/secret-redactor.js';
import type { StreamRedactor } from '../secrets/stream-redactor.js';
import type { RetryEvent, RunEvent, RunEventListener, StepEndEvent } from './run-events.js';

/** Replaces secret values in a text (see `createSecretRedactor`). */
export type Redact = (text: string) => string;

/** How deep a `cause` chain is followed (the chains are short; the bound guards against cycles). */
const maxCauseDepth = 8;

/**
 * Wraps an event listener so that the error text of every event it receives has the run's secrets
 * replaced: a provider that echoes an API key in its error message must not put it in a log.
 * Streamed text (`text-delta`) is redacted too, per invocation, so that a secret the model streams in
 * pieces is hidden whole: a tail that could start a secret is held back until the next piece, and
 * released before the invocation's `retry` or `step-end` event.
 */
export function redactingListener(
  listener: RunEventListener | undefined,
  redactor: SecretRedactor,
): RunEventListener | undefined {
  if (!listener) return undefined;
  const redact = redactor.text;
  const streams = new Map<number, StreamRedactor>();
  const release = (event: RetryEvent | StepEndEvent): void => {
    const stream = streams.get(event.invocation);
    if (!stream) return;
    streams.delete(event.invocation);
    const rest = stream.flush();
    if (rest === '') return;
    const { step, agentId, invocation, elapsedMs } = event;
    listener({ type: 'text-delta', step, agentId, invocation, elapsedMs, text: rest });
  };
  return (event) => {
    if (event.type === 'text-delta' && redactor.secrets.length > 0) {
      let stream = streams.get(event.invocation);
      if (!stream) {
        stream = redactor.stream();
        streams.set(event.invocation, stream);
      }
      const text = stream.push(event.text);
      if (text !== '') listener({ ...event, text });
      return;
    }
    if (event.type === 'retry' || event.type === 'step-end') release(event);
    if (event.type === 'tool-start' && event.arguments !== undefined) {
      listener({ ...event, arguments: redactor.value(event.arguments) });
      return;
    }
    listener(redactEventTexts(event, redact));
  };
}

/** The event with its free texts (an error, a step's input or output, a tool's result) redacted; the event itself when it has none. */
function redactEventTexts(event: RunEvent, redact: Redact): RunEvent {
  const texts = event as { error?: unknown; input?: unknown; output?: unknown; result?: unknown };
  let changed: Record<string, string> | undefined;
  for (const key of ['error', 'input', 'output', 'result'] as const) {
    const value = texts[key];
    if (typeof value === 'string') {
      changed ??= {};
      changed[key] = redact(value);
    }
  }
  return changed ? ({ ...event, ...changed } as RunEvent) : event;
}

/**
 * Replaces the run's secrets in an error's message, hint and stack, and in those of its causes, in
 * place (the error keeps its class, so exit codes and `isInstance` checks still hold). Returns it.
 */
export function redactError<T>(error: T, redact: Redact): T {
  let current: unknown = error;
  const seen = new Set<unknown>();
  while (current instanceof Error && !seen.has(current) && seen.size < maxCauseDepth) {
    seen.add(current);
    for (const key of ['message', 'hint', 'stack'] as const) {
      const value = (current as unknown as Record<string, unknown>)[key];
      if (typeof value !== 'string') continue;
      const redacted = redact(value);
      if (redacted !== value) {
        Object.defineProperty(current, key, { value: redacted, writable: true, configurable: true });
      }
    }
    current = current.cause;
  }
  return error;
}
