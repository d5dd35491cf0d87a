import type { ProviderErrorKind } from '../spec/v1/errors.js';

/**
 * The kind of a failed model call from its HTTP status, the same for every provider (so retries and exit
 * codes do not depend on the vendor): 429 rate-limit, 401/403 auth, 404 not-found, 408 timeout, 409 and 5xx
 * server (a conflicting request in flight is as transient as a server error), any other 4xx bad-request.
 * `undefined` below 400. Only rate-limit, timeout and server are retried by the core.
 * @example
 * switch (providerErrorKindOfStatus(response.status)) { case 'auth': ... }
 */
export function providerErrorKindOfStatus(status: number): ProviderErrorKind | undefined {
  if (status === 429) return 'rate-limit';
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not-found';
  if (status === 408) return 'timeout';
  if (status === 409 || status >= 500) return 'server';
  if (status >= 400) return 'bad-request';
  return undefined;
}
