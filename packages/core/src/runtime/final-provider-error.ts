import { ProviderCallError } from '../spec/v1/errors.js';
import { requestTimeoutEnv } from './transport-timeouts.js';

/** What to do about a failure that retrying did not fix, when the provider gave no hint of its own. */
const hintByKind: Readonly<Partial<Record<ProviderCallError['kind'], string>>> = {
  server:
    'The provider kept failing: try again later, or give runtime.failure_policy more retries or a longer wait_max.',
  timeout: `The model did not answer in time: check that the server is up, raise ${requestTimeoutEnv} (seconds, default 300), or raise runtime.failure_policy.retries.`,
  'stream-cut':
    'The connection broke in the middle of the answer: check the network and any proxy, or raise runtime.failure_policy.retries.',
  'rate-limit':
    'Lower runtime.max_parallel or set runtime.rate_limit, or raise runtime.failure_policy.retries and wait_max.',
  network: 'Check the provider endpoint (runtime.host or its environment variable) and the network.',
};

/**
 * The error a model request fails with once the failure policy stops retrying: the provider's error,
 * with its HTTP status named (every provider's message then says it), how many attempts were made, and
 * a fix when the provider gave none. Anything that is not a provider error is returned as it is.
 */
export function finalProviderError(error: unknown, attempts: number): unknown {
  if (!ProviderCallError.isInstance(error)) return error;
  const failure = error;
  const status = failure.statusCode;
  const parts = [messageWithStatus(failure)];
  if (failure.isRetryable) {
    parts.push(
      attempts > 1
        ? `(gave up after ${attempts} attempts)`
        : '(not retried: runtime.failure_policy.retries is 0)',
    );
  }
  // A failure that is not retried and already names its status is the provider's error as it is.
  if (parts.length === 1 && parts[0] === failure.message) return error;
  return new ProviderCallError({
    providerId: failure.providerId,
    kind: failure.kind,
    message: parts.join(' '),
    ...(status === undefined ? {} : { statusCode: status }),
    ...(failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs }),
    ...(failure.modelId === undefined ? {} : { modelId: failure.modelId }),
    hint: failure.hint ?? (failure.isRetryable ? hintByKind[failure.kind] : undefined),
    cause: error,
    isRetryable: failure.isRetryable,
  });
}

/** An error's message with its HTTP status named, when it has one the message does not mention. */
export function messageWithStatus(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' && !message.includes(String(status))
    ? `${message} (HTTP ${status})`
    : message;
}
