/**
 * Reading Node/undici transport failures out of an error's `cause` chain, for model providers that
 * map vendor SDK errors to `ProviderCallError` kinds. The SDKs wrap the socket error differently
 * (`APIConnectionError`, `TypeError: fetch failed`, the AWS SDK's `TimeoutError`), but the Node code
 * underneath is the same, so the classification lives here once.
 */

/** How deep a `cause` chain is followed (the chains are short; the bound guards against cycles). */
const maxCauseDepth = 8;

/** Socket-level error codes that mean the connection failed or broke (retryable network errors). */
const networkCodes: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/**
 * Codes that mean a connection was made and then broken by the other side: the server exists and
 * listens, so "could not reach" would send the user looking in the wrong place.
 */
const closedCodes: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/** undici's and Node's timeout error codes. */
const timeoutCodes: ReadonlySet<string> = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

/** Every error in a `cause` chain, outermost first (bounded, in case of cycles). */
export function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current = error;
  while (
    current !== undefined &&
    current !== null &&
    chain.length < maxCauseDepth &&
    !chain.includes(current)
  ) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

/**
 * What the cause chain says about a transport failure: `'timeout'` (a connect, headers or body
 * timeout), `'network'` (refused, reset, DNS, unreachable, socket closed), or `undefined` when no link
 * carries a known code or a `TimeoutError` name.
 * @example
 * transportFailureKind(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })) // 'network'
 */
export function transportFailureKind(error: unknown): 'timeout' | 'network' | undefined {
  for (const link of causeChain(error)) {
    const code = (link as { code?: unknown }).code;
    const name = (link as { name?: unknown }).name;
    // The code wins over the name: the AWS SDK names a reset `TimeoutError` (to retry it).
    if (typeof code === 'string' && timeoutCodes.has(code)) return 'timeout';
    if (typeof code === 'string' && networkCodes.has(code)) return 'network';
    if (name === 'TimeoutError') return 'timeout';
  }
  return undefined;
}

/**
 * True when the cause chain says the server accepted the connection and then closed it (a reset, a
 * hang-up mid-response), as opposed to a connection that never opened (refused, DNS, unreachable).
 * @example
 * connectionClosedByPeer(new TypeError('fetch failed', { cause: { code: 'UND_ERR_SOCKET' } })) // true
 */
export function connectionClosedByPeer(error: unknown): boolean {
  return causeChain(error).some((link) => {
    const code = (link as { code?: unknown }).code;
    return typeof code === 'string' && closedCodes.has(code);
  });
}

/**
 * True when the cause chain says the connection was refused: no process listens at that address.
 * That does not go away within a retry schedule, so providers report it once instead of retrying
 * it as a transient network error.
 */
export function isConnectionRefused(error: unknown): boolean {
  return causeChain(error).some((link) => (link as { code?: unknown }).code === 'ECONNREFUSED');
}

/**
 * The innermost non-empty message of a cause chain ("connect ECONNREFUSED 127.0.0.1:11434" rather
 * than "fetch failed"), or the error as a string when no link has one.
 */
export function rootCauseMessage(error: unknown): string {
  const chain = causeChain(error);
  for (let i = chain.length - 1; i >= 0; i--) {
    const message = (chain[i] as { message?: unknown }).message;
    if (typeof message === 'string' && message !== '') return message;
  }
  return String(error);
}
