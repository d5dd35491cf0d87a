import { messageOf } from '../tool-result.js';
import { findBlockedAddressError } from './guarded-lookup.js';

const codeMessages: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'the connection was refused (nothing listens on that host and port)',
  ECONNRESET: 'the server closed the connection',
  ENOTFOUND: 'the host name could not be resolved',
  EAI_AGAIN: 'the host name could not be resolved (temporary DNS failure)',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'the server sent no response headers in time',
  UND_ERR_BODY_TIMEOUT: 'the server stopped sending the body',
  UND_ERR_SOCKET: 'the connection failed',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  CERT_HAS_EXPIRED: 'the server certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server certificate is self-signed',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the server certificate does not match the host name',
};

function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code in codeMessages) return code;
    current = current.cause;
  }
  return undefined;
}

/**
 * A clear, one-line message for a failed HTTP request (`what` names it, e.g. `GET https://x/y`).
 * A refused private address keeps its own message, which says how to opt in.
 */
export function describeNetworkError(what: string, error: unknown): string {
  const blocked = findBlockedAddressError(error);
  if (blocked !== undefined) return blocked.message;
  const code = errorCode(error);
  if (code !== undefined) return `HTTP request failed (${what}): ${codeMessages[code]} [${code}]`;
  return `HTTP request failed (${what}): ${messageOf(error)}`;
}
