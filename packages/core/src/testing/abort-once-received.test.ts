import { describe, expect, it } from 'vitest';
import { abortOnceReceived } from './abort-once-received.js';

/** A fake call that "reaches the server" after a few event-loop turns, then waits for its signal. */
function slowCall(requests: unknown[], turnsUntilReceived: number) {
  return async (signal: AbortSignal): Promise<string> => {
    for (let i = 0; i < turnsUntilReceived; i++) await new Promise((resolve) => setImmediate(resolve));
    requests.push({ path: '/' });
    return new Promise((_resolve, reject) => {
      signal.addEventListener('abort', () => reject(new Error(`aborted after ${requests.length} request`)));
    });
  };
}

describe('abortOnceReceived', () => {
  it('aborts the call only once the server has recorded its request', async () => {
    const requests: unknown[] = [];
    await expect(abortOnceReceived({ requests }, slowCall(requests, 5))).rejects.toThrow(
      'aborted after 1 request',
    );
  });

  it('waits for a new request when the server has seen earlier ones', async () => {
    const requests: unknown[] = ['earlier'];
    await expect(abortOnceReceived({ requests }, slowCall(requests, 3))).rejects.toThrow(
      'aborted after 2 request',
    );
  });

  it('settles as the call does when it settles before any request arrives', async () => {
    const requests: unknown[] = [];
    await expect(abortOnceReceived({ requests }, async () => 'done early')).resolves.toBe('done early');
    await expect(
      abortOnceReceived({ requests }, async () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
  });
});
