/**
 * The request gate: the seam that limits model requests per provider endpoint (`runtime.rate_limit`).
 * The core asks it for permission before each model request and releases it when the request ends.
 * The default gate counts in this process; a durable engine injects one that counts across every
 * process sharing a database, so the limits hold across all workers.
 */

/** The limits of one endpoint, from `runtime.rate_limit` (each absent limit does not apply). */
export interface RequestLimitsV1 {
  /** Most requests started in any sliding one-second window. */
  readonly requestsPerSecond?: number;
  /** Most requests started in any sliding sixty-second window. */
  readonly requestsPerMinute?: number;
  /** Most requests in flight at once. */
  readonly maxConcurrent?: number;
}

/** What a request asks the gate for. */
export interface RequestGateTicketV1 {
  /** The provider plugin's id (`openai`, `ollama`, ...). */
  readonly providerId: string;
  /**
   * The endpoint the request goes to: the host (and port) of the server URL, the region, or
   * `default`. Two servers of the same provider are limited separately.
   */
  readonly endpoint: string;
  readonly limits: RequestLimitsV1;
}

/** Releases what {@link RequestGateV1.acquire} granted. Idempotent; never throws. */
export type RequestGateReleaseV1 = () => void;

/**
 * Admits model requests within their endpoint's limits. Implementations count requests by
 * `providerId` and `endpoint` together; the limits of the ticket that asks decide its admission.
 */
export interface RequestGateV1 {
  /**
   * Waits until the request may start (a concurrency slot is free and the rate window has room),
   * counts it as started, and resolves with its release. Rejects with the signal's reason when the
   * signal aborts first; nothing is held then.
   */
  acquire(ticket: RequestGateTicketV1, signal?: AbortSignal): Promise<RequestGateReleaseV1>;
}

/** The key a gate counts a ticket under: provider id and endpoint. */
export function requestGateKey(ticket: Pick<RequestGateTicketV1, 'providerId' | 'endpoint'>): string {
  return `${ticket.providerId} ${ticket.endpoint}`;
}

/** The sliding windows a ticket's limits set: `[windowMs, most requests]` pairs. */
export function rateWindowsOf(limits: RequestLimitsV1): Array<readonly [number, number]> {
  const windows: Array<readonly [number, number]> = [];
  if (limits.requestsPerSecond !== undefined) windows.push([1000, limits.requestsPerSecond]);
  if (limits.requestsPerMinute !== undefined) windows.push([60_000, limits.requestsPerMinute]);
  return windows;
}
