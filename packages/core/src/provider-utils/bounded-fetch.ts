import { ProviderCallError } from '../spec/v1/errors.js';
import { causeChain } from './network-errors.js';
import { callDeadlineError, type ResponseLimits, responseTooLargeError } from './response-limits.js';

/** The part of `fetch` a provider transport calls. */
export type FetchLike = (input: never, init?: never) => Promise<Response>;

/** Options of {@link boundedFetch}. */
export interface BoundedFetchOptions {
  /** The provider id the errors carry, e.g. `openai`. */
  readonly providerId: string;
  readonly limits: ResponseLimits;
}

/**
 * Wraps a provider's `fetch` so that every call ends by its deadline and reads at most the size cap,
 * whatever the SDK above does with the body (buffers it, or parses a stream that never ends). Past the
 * deadline the request (or its body) fails with a retryable `timeout` {@link ProviderCallError}; past
 * the cap with a non-retryable `bad-response` one, and the connection is dropped, so no more than
 * the cap plus one network chunk is ever held. The call's own signal still cancels it.
 * @example
 * const client = new OpenAI({ fetch: boundedFetch(undiciFetch, { providerId: 'openai', limits }) });
 */
export function boundedFetch<F extends FetchLike>(fetch: F, options: BoundedFetchOptions): F {
  const { providerId, limits } = options;
  const bounded = async (input: never, init?: never): Promise<Response> => {
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(callDeadlineError(providerId, limits)),
      limits.callDeadlineMs,
    );
    // Only the deadline's own call is held open by it; an idle process may exit.
    timer.unref();
    const callerSignal = (init as RequestInit | undefined)?.signal ?? undefined;
    const signal = callerSignal ? AbortSignal.any([callerSignal, deadline.signal]) : deadline.signal;
    let response: Response;
    try {
      response = await fetch(input, { ...(init as RequestInit | undefined), signal } as never);
    } catch (error) {
      clearTimeout(timer);
      throw deadline.signal.aborted ? deadline.signal.reason : error;
    }
    if (!response.body) {
      clearTimeout(timer);
      return response;
    }
    let received = 0;
    const counted = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        start(controller) {
          // Not every fetch fails its body when the signal aborts: fail it here, whatever is below.
          deadline.signal.addEventListener('abort', () => controller.error(deadline.signal.reason), {
            once: true,
          });
        },
        transform(chunk, controller) {
          received += chunk.byteLength;
          if (received > limits.maxResponseBytes) {
            clearTimeout(timer);
            // Aborting drops the connection (the rest of the body is never read) and fails the body.
            deadline.abort(responseTooLargeError(providerId, limits));
            return;
          }
          controller.enqueue(chunk);
        },
        flush() {
          clearTimeout(timer);
        },
      }),
    );
    // The wrapped fetch's own Response class (undici's, in a provider's vendor bundle): the global one
    // would load Node's internal copy of undici on top of it (~10-20 ms of start-up on Node 20).
    const ResponseClass = responseClassOf(response);
    return new ResponseClass(counted, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
  return bounded as F;
}

/** The class that made `response` when it is a real Response class (not a plain object's), else the global one. */
function responseClassOf(response: Response): typeof Response {
  const made: unknown = response.constructor;
  return typeof made === 'function' && made !== Object && 'clone' in made.prototype
    ? (made as typeof Response)
    : Response;
}

/**
 * The {@link ProviderCallError} a bounded fetch raised, when an SDK wrapped it in its own error (or
 * threw it as is); `undefined` otherwise. Provider error mappers return it unchanged.
 */
export function carriedProviderError(error: unknown): ProviderCallError | undefined {
  return causeChain(error).find((link): link is ProviderCallError => ProviderCallError.isInstance(link));
}
