/**
 * Helpers model-provider packages share, beside the contract: a lazily opened transport, assembling a
 * streamed turn, reading network errors, mapping HTTP statuses and `Retry-After`. They import only the
 * contract (`../spec/v1`), so a provider that uses them loads nothing else of the core.
 */

export { safeTimeoutMs } from '../timers/safe-timeout.js';
export {
  type BoundedFetchOptions,
  boundedFetch,
  carriedProviderError,
  type FetchLike,
} from './bounded-fetch.js';
export {
  type ClosableTransport,
  createLazyTransport,
  type LazyTransport,
  type LazyTransportOptions,
} from './lazy-transport.js';
export {
  causeChain,
  connectionClosedByPeer,
  isConnectionRefused,
  rootCauseMessage,
  transportFailureKind,
} from './network-errors.js';
export {
  callDeadlineEnv,
  callDeadlineError,
  defaultResponseLimits,
  maxResponseBytesEnv,
  type ResponseLimits,
  responseLimitsFromEnv,
  responseTooLargeError,
} from './response-limits.js';
export { type HeaderLookup, retryAfterMs } from './retry-after.js';
export { providerErrorKindOfStatus } from './status-kind.js';
export { type StreamSource, streamTextDeltas, type TurnStreamAssembler } from './stream-deltas.js';
