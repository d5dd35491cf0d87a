/** Socket-level error codes that mean the connection failed or broke (retryable network errors). */
const networkCodes = new Set([
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

/** undici's timeout error codes. */
const timeoutCodes = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

/** Every error in a `cause` chain, outermost first (bounded, in case of cycles). */
export function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current = error;
  while (current !== undefined && current !== null && chain.length < 8 && !chain.includes(current)) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

/** What the cause chain says about a transport failure, if anything. */
export function transportFailure(error: unknown): 'timeout' | 'network' | undefined {
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

/** The innermost message of a cause chain that says something (for "connection refused" and the like). */
export function rootMessage(error: unknown): string {
  const chain = causeChain(error);
  for (let i = chain.length - 1; i >= 0; i--) {
    const message = (chain[i] as { message?: unknown }).message;
    if (typeof message === 'string' && message !== '') return message;
  }
  return String(error);
}
