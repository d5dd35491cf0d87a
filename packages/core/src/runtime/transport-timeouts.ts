import { UsageError } from '../spec/v1/errors.js';
import type { TransportTimeoutsV1 } from '../spec/v1/model-provider-v1.js';
import { maxTimerSeconds, safeTimeoutMs } from '../timers/safe-timeout.js';
import { defaultTransportTimeouts } from './run-types.js';

/**
 * Seconds a model request may wait for its response to start, and the longest silence between two
 * chunks of a streamed answer. When it fires the request fails as a timeout, which the failure policy
 * retries. Default 300 s (a local model that is still loading can take minutes).
 */
export const requestTimeoutEnv = 'STRANDS_REQUEST_TIMEOUT_S';

/** Seconds to open a connection to a provider. Default 10 s. */
export const connectTimeoutEnv = 'STRANDS_CONNECT_TIMEOUT_S';

/**
 * The transport timeouts of a run: the defaults, then the environment ({@link requestTimeoutEnv},
 * {@link connectTimeoutEnv}), then the caller's `overrides` (`runWorkflow({ timeouts })`).
 * @throws UsageError when a variable is not a positive number of seconds.
 */
export function resolveTransportTimeouts(
  env: Readonly<Record<string, string | undefined>>,
  overrides: Partial<TransportTimeoutsV1> = {},
): TransportTimeoutsV1 {
  const request = secondsFrom(env, requestTimeoutEnv);
  const connect = secondsFrom(env, connectTimeoutEnv);
  return {
    ...defaultTransportTimeouts,
    ...(request === undefined ? {} : { headersMs: request, bodyMs: request }),
    ...(connect === undefined ? {} : { connectMs: connect }),
    ...clamped(definedOnly(overrides)),
  };
}

function secondsFrom(env: Readonly<Record<string, string | undefined>>, name: string): number | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(`${name}=${JSON.stringify(raw)} is not a positive number of seconds`, {
      hint: `Set ${name} to seconds, e.g. ${name}=30 (fractions such as 0.5 are allowed), or unset it.`,
    });
  }
  // Node timers hold at most ~24.8 days; a longer value would silently become 1 ms.
  if (seconds > maxTimerSeconds) {
    throw new UsageError(
      `${name}=${JSON.stringify(raw)} is longer than timers allow (${maxTimerSeconds} seconds)`,
      {
        hint: `Set ${name} to at most ${maxTimerSeconds} seconds (about 24 days), or unset it.`,
      },
    );
  }
  // At least 1 ms: a zero timeout means "no timeout" to undici and the Node HTTP agent.
  return Math.max(1, Math.round(seconds * 1000));
}

/** Caller-given timeouts, each within what a Node timer holds. */
function clamped(overrides: Partial<TransportTimeoutsV1>): Partial<TransportTimeoutsV1> {
  return Object.fromEntries(
    Object.entries(overrides).map(([key, value]) => [
      key,
      typeof value === 'number' ? safeTimeoutMs(value) : value,
    ]),
  ) as Partial<TransportTimeoutsV1>;
}

function definedOnly(overrides: Partial<TransportTimeoutsV1>): Partial<TransportTimeoutsV1> {
  return Object.fromEntries(
    Object.entries(overrides).filter(([, value]) => value !== undefined),
  ) as Partial<TransportTimeoutsV1>;
}
