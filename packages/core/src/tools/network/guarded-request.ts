import { safeTimeoutMs } from '../../timers/safe-timeout.js';
import { describeNetworkError } from './describe-network-error.js';
import type { GuardedHttpClient } from './guarded-http-client.js';
import { readLimitedBody, truncationNote } from './read-limited-body.js';

/** Most redirects followed for one call; each hop is checked like the first URL. */
export const maxRedirects = 5;

/** One HTTP request made by a tool. */
export interface GuardedRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Deadline for the whole call, redirects and body included. */
  readonly timeoutMs: number;
  /** Longest body handed back; the rest is cut with a note. */
  readonly maxBodyBytes: number;
  /** Cancels the call (the run was interrupted); the abort reason is rethrown. */
  readonly signal: AbortSignal;
  /** Header names (lower case) dropped when a redirect leaves the original origin. */
  readonly originBoundHeaders?: readonly string[];
}

/** The outcome of a call: any HTTP status is a response; anything else is a failure message. */
export type GuardedResponse =
  | {
      readonly ok: true;
      readonly status: number;
      readonly headers: Readonly<Record<string, string>>;
      readonly body: string;
      readonly truncated: boolean;
      /** The body bytes read (at most `maxBodyBytes`), for callers that decode other charsets. */
      readonly bytes: Buffer;
      /** The URL that answered, after redirects. */
      readonly url: string;
    }
  | { readonly ok: false; readonly message: string };

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const alwaysOriginBound = ['authorization', 'proxy-authorization', 'cookie'];

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/**
 * Makes a request through `client`, refusing non-HTTP schemes and private targets (unless opted in),
 * following up to {@link maxRedirects} redirects by hand so every hop is checked, within one deadline.
 * Never throws for network trouble or HTTP errors; throws only the caller's abort reason.
 */
export async function guardedRequest(
  client: GuardedHttpClient,
  request: GuardedRequest,
): Promise<GuardedResponse> {
  const timeoutMs = safeTimeoutMs(request.timeoutMs);
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = AbortSignal.any([request.signal, deadline]);
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { ok: false, message: `Invalid URL: ${request.url}` };
  }
  let method = request.method.toUpperCase();
  let body = request.body;
  let headers: Record<string, string> = { ...request.headers };
  const originBound = [...alwaysOriginBound, ...(request.originBoundHeaders ?? [])];
  const firstOrigin = url.origin;
  for (let hop = 0; ; hop += 1) {
    const refusal = client.refusal(url);
    if (refusal !== undefined) {
      return { ok: false, message: hop === 0 ? refusal : `The server redirected to ${url.href}. ${refusal}` };
    }
    const what = `${method} ${url.href}`;
    try {
      const { undici, dispatcher } = await client.open();
      const response = await undici.request(url, {
        dispatcher,
        method: method as never,
        headers,
        body,
        signal,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const location = response.headers.location;
      if (redirectStatuses.has(response.statusCode) && typeof location === 'string') {
        await response.body.dump();
        if (hop === maxRedirects) {
          return { ok: false, message: `HTTP request failed (${what}): more than ${maxRedirects} redirects` };
        }
        url = new URL(location, url);
        if (response.statusCode === 303 || (response.statusCode <= 302 && method === 'POST')) {
          method = method === 'HEAD' ? 'HEAD' : 'GET';
          body = undefined;
          headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !/^content-/i.test(name)));
        }
        if (url.origin !== firstOrigin) {
          headers = Object.fromEntries(
            Object.entries(headers).filter(([name]) => !originBound.includes(name.toLowerCase())),
          );
        }
        continue;
      }
      const read = await readLimitedBody(response.body, request.maxBodyBytes);
      return {
        ok: true,
        status: response.statusCode,
        headers: flattenHeaders(response.headers),
        body: read.truncated ? read.text + truncationNote(request.maxBodyBytes) : read.text,
        truncated: read.truncated,
        bytes: read.bytes,
        url: url.href,
      };
    } catch (error) {
      if (request.signal.aborted) throw request.signal.reason;
      if (deadline.aborted) {
        return { ok: false, message: `HTTP request timed out after ${request.timeoutMs} ms (${what})` };
      }
      return { ok: false, message: describeNetworkError(what, error) };
    }
  }
}
