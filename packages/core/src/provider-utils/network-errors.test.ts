import { describe, expect, it } from 'vitest';
import {
  causeChain,
  connectionClosedByPeer,
  isConnectionRefused,
  rootCauseMessage,
  transportFailureKind,
} from './network-errors.js';

/** An error shaped like Node's socket errors: a message and a `code`. */
function socketError(code: string, message = `connect ${code} 127.0.0.1:1`): Error {
  return Object.assign(new Error(message), { code });
}

describe('network errors', () => {
  it('follows the cause chain outermost first, bounded against cycles', () => {
    const inner = socketError('ECONNRESET');
    const outer = new TypeError('fetch failed', { cause: inner });
    expect(causeChain(outer)).toEqual([outer, inner]);
    const loop = new Error('a') as Error & { cause?: unknown };
    loop.cause = loop;
    expect(causeChain(loop)).toEqual([loop]);
    expect(causeChain(undefined)).toEqual([]);
  });

  it('classifies refused, reset, DNS and closed sockets as network failures', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'EPIPE']) {
      expect(transportFailureKind(new TypeError('fetch failed', { cause: socketError(code) }))).toBe(
        'network',
      );
    }
  });

  it('tells a connection the server closed from one that never opened', () => {
    for (const code of ['ECONNRESET', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'EPIPE']) {
      expect(connectionClosedByPeer(new TypeError('fetch failed', { cause: socketError(code) }))).toBe(true);
    }
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH']) {
      expect(connectionClosedByPeer(new TypeError('fetch failed', { cause: socketError(code) }))).toBe(false);
    }
  });

  it('classifies undici and Node timeouts, and a TimeoutError without a code, as timeouts', () => {
    for (const code of [
      'UND_ERR_CONNECT_TIMEOUT',
      'UND_ERR_HEADERS_TIMEOUT',
      'UND_ERR_BODY_TIMEOUT',
      'ETIMEDOUT',
    ]) {
      expect(transportFailureKind(new Error('x', { cause: socketError(code) }))).toBe('timeout');
    }
    expect(transportFailureKind(Object.assign(new Error('slow'), { name: 'TimeoutError' }))).toBe('timeout');
  });

  it('lets the code win over the name (the AWS SDK names a reset TimeoutError)', () => {
    const reset = Object.assign(socketError('ECONNRESET'), { name: 'TimeoutError' });
    expect(transportFailureKind(reset)).toBe('network');
  });

  it('says nothing about errors that are not transport failures', () => {
    expect(transportFailureKind(new Error('bad request'))).toBeUndefined();
    expect(transportFailureKind(socketError('ENOENT'))).toBeUndefined();
    expect(transportFailureKind('text')).toBeUndefined();
  });

  it('reads the innermost message that says something', () => {
    const outer = new TypeError('fetch failed', { cause: socketError('ECONNREFUSED') });
    expect(rootCauseMessage(outer)).toBe('connect ECONNREFUSED 127.0.0.1:1');
    expect(rootCauseMessage(new Error('outer', { cause: new Error('') }))).toBe('outer');
    expect(rootCauseMessage('plain text')).toBe('plain text');
  });
});

describe('isConnectionRefused', () => {
  it('finds ECONNREFUSED anywhere in the cause chain', () => {
    const refused = new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    expect(isConnectionRefused(new Error('wrapped', { cause: refused }))).toBe(true);
    expect(isConnectionRefused(new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }))).toBe(false);
  });
});
