import { describe, expect, it } from 'vitest';
import { ProviderCallError } from '../spec/v1/errors.js';
import type { RequestGateTicketV1, RequestGateV1 } from '../spec/v1/request-gate-v1.js';
import { runWithMock } from './__fixtures__/run-harness.js';
import { chainSpec } from './__fixtures__/test-executors.js';
import { createMemoryJournalStore } from './journal/memory-journal-store.js';

/** A gate that admits everything and records what it was asked and how many it held at once. */
function recordingGate() {
  const tickets: RequestGateTicketV1[] = [];
  let held = 0;
  const heldAtAcquire: number[] = [];
  const gate: RequestGateV1 = {
    acquire: async (ticket) => {
      heldAtAcquire.push(held);
      tickets.push(ticket);
      held += 1;
      let released = false;
      return () => {
        if (!released) held -= 1;
        released = true;
      };
    },
  };
  return { gate, tickets, heldAtAcquire, held: () => held };
}

const threeSteps = () =>
  chainSpec([
    { agent: 'a', input: 'one' },
    { agent: 'a', input: 'two' },
    { agent: 'a', input: 'three' },
  ]);

function limited(document: Record<string, unknown>, rateLimit: Record<string, unknown>) {
  document.runtime = { provider: 'mock', rate_limit: rateLimit };
  return document;
}

describe('runtime.rate_limit', () => {
  it('passes every model request through the gate with the endpoint and limits', async () => {
    const recording = recordingGate();
    const { pending } = runWithMock(
      limited(threeSteps(), { requests_per_second: 5, max_concurrent: 3 }),
      ['1', '2', '3'],
      { requestGate: recording.gate },
    );
    await pending;
    expect(recording.tickets).toEqual(
      Array.from({ length: 3 }, () => ({
        providerId: 'mock',
        endpoint: 'default',
        limits: { requestsPerSecond: 5, maxConcurrent: 3 },
      })),
    );
    expect(recording.held()).toBe(0);
  });

  it('does not hold the gate while waiting to retry', async () => {
    const recording = recordingGate();
    const busy = {
      error: new ProviderCallError({ providerId: 'mock', kind: 'server', message: 'busy', statusCode: 503 }),
    };
    const { pending, clock } = runWithMock(
      limited(chainSpec([{ agent: 'a', input: 'x' }]), { max_concurrent: 1 }),
      [busy, 'ok'],
      { requestGate: recording.gate },
    );
    await pending;
    expect(clock.sleeps).toEqual([1000]);
    expect(recording.heldAtAcquire).toEqual([0, 0]);
  });

  it('asks no gate without rate_limit, and none for turns answered from the journal', async () => {
    const unlimited = recordingGate();
    await runWithMock(threeSteps(), ['1', '2', '3'], { requestGate: unlimited.gate }).pending;
    expect(unlimited.tickets).toHaveLength(0);

    const journal = createMemoryJournalStore();
    const first = recordingGate();
    await runWithMock(limited(threeSteps(), { max_concurrent: 1 }), ['1', '2', '3'], {
      requestGate: first.gate,
      journal,
    }).pending;
    expect(first.tickets).toHaveLength(3);
    const replayed = recordingGate();
    const { pending, mock } = runWithMock(limited(threeSteps(), { max_concurrent: 1 }), [], {
      requestGate: replayed.gate,
      journal,
    });
    expect((await pending).response).toBe('3');
    expect(replayed.tickets).toHaveLength(0);
    expect(mock.calls).toHaveLength(0);
  });

  it('without an injected gate, limits the run on its own clock', async () => {
    const { pending, clock } = runWithMock(limited(threeSteps(), { requests_per_minute: 2 }), [
      '1',
      '2',
      '3',
    ]);
    await pending;
    // Two requests at once, the third a minute later.
    expect(clock.sleeps).toEqual([60_000]);
  });
});
