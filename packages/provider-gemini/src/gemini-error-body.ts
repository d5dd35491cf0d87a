/** The parts of a Gemini error body (`{"error": {code, status, message, details}}`) this provider reads. */
export interface GeminiErrorBody {
  readonly code?: number;
  /** The gRPC status name: `RESOURCE_EXHAUSTED`, `UNAVAILABLE`, `INVALID_ARGUMENT`, ... */
  readonly status?: string;
  readonly message?: string;
  /** `ErrorInfo.reason` (e.g. `API_KEY_INVALID`), when the details carry one. */
  readonly reason?: string;
  /** `RetryInfo.retryDelay` in milliseconds, when the details carry one. */
  readonly retryDelayMs?: number;
}

/**
 * Reads the error body out of the SDK's `ApiError` message, which is the body as JSON text, prefixed
 * by `got status: ...` when the error came inside a stream.
 */
export function parseGeminiErrorMessage(message: string): GeminiErrorBody {
  const start = message.indexOf('{');
  if (start < 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.slice(start));
  } catch {
    return {};
  }
  const error = (parsed as { error?: unknown } | null)?.error;
  if (!error || typeof error !== 'object') return {};
  const fields = error as Record<string, unknown>;
  const details = Array.isArray(fields.details) ? (fields.details as Record<string, unknown>[]) : [];
  const reason = details.find((d) => typeof d.reason === 'string')?.reason as string | undefined;
  const delay = details.find((d) => typeof d.retryDelay === 'string')?.retryDelay as string | undefined;
  return {
    ...(typeof fields.code === 'number' ? { code: fields.code } : {}),
    ...(typeof fields.status === 'string' ? { status: fields.status } : {}),
    ...(typeof fields.message === 'string' ? { message: fields.message } : {}),
    ...(reason ? { reason } : {}),
    ...(delay ? durationMs(delay) : {}),
  };
}

/** A protobuf Duration in JSON (`"30s"`, `"1.5s"`) in milliseconds. */
function durationMs(text: string): { retryDelayMs?: number } {
  const match = /^(\d+(?:\.\d+)?)s$/.exec(text.trim());
  if (!match) return {};
  return { retryDelayMs: Math.round(Number.parseFloat(match[1] as string) * 1000) };
}
