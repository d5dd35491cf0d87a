import { describe, expect, it } from 'vitest';
import { ProviderCallError } from '../spec/v1/errors.js';
import type { ModelRequestV1, ModelResponseV1 } from '../spec/v1/model-provider-v1.js';
import { expectAbortedInFlight, expectClosedForGood } from './provider-lifecycle.js';

const request: ModelRequestV1 = { modelId: 'm', messages: [{ role: 'user', content: 'hi' }] };
const aborted = new ProviderCallError({ providerId: 'p', kind: 'aborted', message: 'cancelled' });

/** A call whose "server" records the request a turn later, then fails with `error` once aborted. */
function fakeCall(requests: unknown[], error: ProviderCallError) {
  return (signal: AbortSignal): Promise<string> => {
    setImmediate(() => requests.push(request));
    return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(error)));
  };
}

/** A fake provider and server: `closes` counts close() calls, `refuses` says whether calls fail after. */
function fakeProvider(options: { openAfterClose: number; refuses: boolean }) {
  let closes = 0;
  const provider = {
    generate: async (): Promise<ModelResponseV1> => {
      if (closes > 0 && options.refuses) throw aborted;
      return {
        text: 'still here',
        toolCalls: [],
        finishReason: 'stop',
        usage: { inputTokens: 1, outputTokens: 1 },
      };
    },
    close: async () => {
      closes += 1;
    },
  };
  const server = {
    waitForConnectionsClosed: async () => {},
    stats: () => ({ openConnections: closes > 0 ? options.openAfterClose : 1 }),
  };
  return { provider, server, closes: () => closes };
}

describe('expectAbortedInFlight', () => {
  it('passes when the call fails as non-retryable aborted once the server has the request', async () => {
    const requests: unknown[] = [];
    await expectAbortedInFlight({ requests }, fakeCall(requests, aborted));
    expect(requests).toHaveLength(1);
  });

  it('fails when the call fails with another kind', async () => {
    const requests: unknown[] = [];
    const timeout = new ProviderCallError({ providerId: 'p', kind: 'timeout', message: 'slow' });
    await expect(expectAbortedInFlight({ requests }, fakeCall(requests, timeout))).rejects.toThrow();
  });
});

describe('expectClosedForGood', () => {
  it('closes twice and passes when nothing stays open and later calls fail as aborted', async () => {
    const fake = fakeProvider({ openAfterClose: 0, refuses: true });
    await expectClosedForGood(fake.provider, fake.server, request);
    expect(fake.closes()).toBe(2);
  });

  it('fails when a connection stays open or a call still succeeds after close', async () => {
    const leaky = fakeProvider({ openAfterClose: 1, refuses: true });
    await expect(expectClosedForGood(leaky.provider, leaky.server, request)).rejects.toThrow();
    const undead = fakeProvider({ openAfterClose: 0, refuses: false });
    await expect(expectClosedForGood(undead.provider, undead.server, request)).rejects.toThrow();
  });
});
