import {
  type RequestGateReleaseV1,
  type RequestGateTicketV1,
  type RequestGateV1,
  type RequestLimitsV1,
  rateWindowsOf,
  requestGateKey,
} from '../spec/v1/request-gate-v1.js';
import type { RateLimitSpec } from '../spec/v1/workflow-spec-v1.js';
import { abortReason, type Clock, systemClock } from './clock.js';

/** The longest window any limit uses: starts older than this are forgotten. */
const longestWindowMs = 60_000;

interface EndpointState {
  active: number;
  /** Start times of recent requests, oldest first. */
  starts: number[];
  /** Waiters for a concurrency slot: each re-checks when a request of the endpoint ends. */
  readonly wakers: Set<() => void>;
}

/**
 * A {@link RequestGateV1} that counts in this process: a counting limit and a sliding-window log of
 * request starts per endpoint, timed by `clock`. Waiting is cancellable and holds nothing.
 */
export function createLocalRequestGate(clock: Clock = systemClock): RequestGateV1 {
  const states = new Map<string, EndpointState>();
  const stateOf = (key: string): EndpointState => {
    let state = states.get(key);
    if (!state) {
      state = { active: 0, starts: [], wakers: new Set() };
      states.set(key, state);
    }
    return state;
  };
  return {
    async acquire(ticket: RequestGateTicketV1, signal?: AbortSignal): Promise<RequestGateReleaseV1> {
      const state = stateOf(requestGateKey(ticket));
      const windows = rateWindowsOf(ticket.limits);
      const { maxConcurrent } = ticket.limits;
      for (;;) {
        if (signal?.aborted) throw abortReason(signal);
        const now = clock.now();
        state.starts = state.starts.filter((start) => start > now - longestWindowMs);
        if (maxConcurrent !== undefined && state.active >= maxConcurrent) {
          await slotFreed(state, signal);
          continue;
        }
        const waitMs = rateWaitMs(state.starts, windows, now);
        if (waitMs > 0) {
          await clock.sleep(waitMs, signal);
          continue;
        }
        state.active += 1;
        state.starts.push(now);
        return releaser(state);
      }
    },
  };
}

/** How long until every window has room for one more start (0: now). */
function rateWaitMs(
  starts: readonly number[],
  windows: Array<readonly [number, number]>,
  now: number,
): number {
  let waitMs = 0;
  for (const [windowMs, most] of windows) {
    const inWindow = starts.filter((start) => start > now - windowMs);
    if (inWindow.length < most) continue;
    // Room comes when the start `most` places from the newest leaves the window.
    const leaving = inWindow[inWindow.length - most] as number;
    waitMs = Math.max(waitMs, leaving + windowMs - now);
  }
  return waitMs;
}

function slotFreed(state: EndpointState, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const wake = (): void => {
      signal?.removeEventListener('abort', onAbort);
      state.wakers.delete(wake);
      resolve();
    };
    const onAbort = (): void => {
      state.wakers.delete(wake);
      reject(abortReason(signal as AbortSignal));
    };
    state.wakers.add(wake);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function releaser(state: EndpointState): RequestGateReleaseV1 {
  let released = false;
  return () => {
    if (released) return;
    released = true;
    state.active -= 1;
    // Every waiter re-checks: tickets sharing an endpoint may carry different limits.
    for (const wake of [...state.wakers]) wake();
  };
}

let processGate: RequestGateV1 | undefined;

/** The gate runs of this process share when none is injected (real time). */
export function processRequestGate(): RequestGateV1 {
  processGate ??= createLocalRequestGate(systemClock);
  return processGate;
}

/** The gate limits `runtime.rate_limit` sets. */
export function limitsOf(rateLimit: RateLimitSpec): RequestLimitsV1 {
  return {
    ...(rateLimit.requests_per_second === undefined
      ? {}
      : { requestsPerSecond: rateLimit.requests_per_second }),
    ...(rateLimit.requests_per_minute === undefined
      ? {}
      : { requestsPerMinute: rateLimit.requests_per_minute }),
    ...(rateLimit.max_concurrent === undefined ? {} : { maxConcurrent: rateLimit.max_concurrent }),
  };
}
