import { ProviderCallError, UsageError } from '../spec/v1/errors.js';
import { maxTimerSeconds, safeTimeoutMs } from '../timers/safe-timeout.js';

/**
 * Seconds one model call may take from the request to the last byte of its answer. The transport
 * timeouts bound only the silences, so a server that trickles a byte now and then (or streams pings
 * forever) would otherwise hold a run for good. Default 600 s.
 */
export const callDeadlineEnv = 'STRANDS_CALL_DEADLINE_S';

/**
 * Most bytes one model answer may have. Answers are buffered (a JSON body) or assembled (a stream)
 * in memory, so an endless or huge body would otherwise grow the process until it dies. Default 64 MiB.
 */
export const maxResponseBytesEnv = 'STRANDS_MAX_RESPONSE_BYTES';

/** The bounds every model call's response is held to. */
export interface ResponseLimits {
  /** Milliseconds from the request to the end of the response. */
  readonly callDeadlineMs: number;
  /** Most response body bytes (after content decoding). */
  readonly maxResponseBytes: number;
}

/** The bounds used when the environment sets none: far above any real answer. */
export const defaultResponseLimits: ResponseLimits = {
  callDeadlineMs: 600_000,
  maxResponseBytes: 64 * 1024 * 1024,
};

/**
 * The response bounds the environment asks for ({@link callDeadlineEnv}, {@link maxResponseBytesEnv}),
 * else the defaults.
 * @throws UsageError when a variable is not a positive number.
 */
export function responseLimitsFromEnv(env: Readonly<Record<string, string | undefined>>): ResponseLimits {
  const seconds = positiveNumber(env, callDeadlineEnv, 'seconds', '600');
  const bytes = positiveNumber(env, maxResponseBytesEnv, 'bytes', String(64 * 1024 * 1024));
  return {
    // A deadline longer than a Node timer holds would fire at once: clamp it to "never" instead.
    callDeadlineMs:
      seconds === undefined
        ? defaultResponseLimits.callDeadlineMs
        : Math.max(1, safeTimeoutMs(Math.round(seconds * 1000))),
    maxResponseBytes: bytes === undefined ? defaultResponseLimits.maxResponseBytes : Math.floor(bytes),
  };
}

/** The retryable timeout a call gets when its deadline passes. */
export function callDeadlineError(providerId: string, limits: ResponseLimits): ProviderCallError {
  const seconds = limits.callDeadlineMs / 1000;
  return new ProviderCallError({
    providerId,
    kind: 'timeout',
    message: `The ${providerId} call did not finish within its deadline of ${seconds} s`,
    hint: `Raise ${callDeadlineEnv} (seconds, now ${Math.min(seconds, maxTimerSeconds)}) if the model needs longer.`,
  });
}

/** The non-retryable failure a call gets when its response exceeds the size cap. */
export function responseTooLargeError(providerId: string, limits: ResponseLimits): ProviderCallError {
  return new ProviderCallError({
    providerId,
    kind: 'bad-response',
    isRetryable: false,
    message: `The ${providerId} response is larger than the cap of ${limits.maxResponseBytes} bytes`,
    hint: `Check the endpoint; raise ${maxResponseBytesEnv} (bytes) if answers this large are expected.`,
  });
}

function positiveNumber(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  unit: string,
  example: string,
): number | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new UsageError(`${name}=${JSON.stringify(raw)} is not a positive number of ${unit}`, {
      hint: `Set ${name} to ${unit}, e.g. ${name}=${example}, or unset it.`,
    });
  }
  return value;
}
