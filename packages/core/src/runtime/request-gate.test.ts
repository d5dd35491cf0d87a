import { describe, expect, it } from 'vitest';
import type { RequestGateReleaseV1, RequestLimitsV1 } from '../spec/v1/request-gate-v1.js';
import { ManualClock } from '../testing/manual-clock.js';
import { endpointOf } from './agent-cache.js';
import { createLocalRequestGate, limitsOf } from './request-gate.js';

const ticket = (limits: RequestLimitsV1, endpoint = 'api.example.com') => ({
  providerId: 'openai',
  endpoint,
  limits,
});

/** Lets pending promise callbacks run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
}

describe('local request gate', () => {
  it('never admits more than max_concurrent at once, and admits the next when one ends', async () => {
    const gate = createLocalRequestGate(new ManualClock());
    const granted: RequestGateReleaseV1[] = [];
    const waiting = Array.from({ length: 5 }, () =>
      gate.acquire(ticket({ maxConcurrent: 2 })).then((release) => granted.push(release)),
    );
    await settle();
    expect(granted).toHaveLength(2);
    granted[0]?.();
    granted[0]?.(); // a second release changes nothing
    await settle();
    expect(granted).toHaveLength(3);
    granted[1]?.();
    granted[2]?.();
    await Promise.all(waiting);
    expect(granted).toHaveLength(5);
  });

  it('keeps every one-second window at requests_per_second starts', async () => {
    const clock = new ManualClock();
    const gate = createLocalRequestGate(clock);
    const starts: number[] = [];
    for (let i = 0; i < 17; i += 1) {
      const release = await gate.acquire(ticket({ requestsPerSecond: 5 }));
      starts.push(clock.now());
      release();
    }
    for (const start of starts) {
      expect(starts.filter((other) => other >= start && other < start + 1000).length).toBeLessThanOrEqual(5);
    }
    // Five at once, then the sixth waits for the first to leave the window: 17 starts span 3 seconds.
    expect(starts.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(starts[5]).toBe(1000);
    expect(starts[16]).toBe(3000);
  });

  it('keeps sixty-second windows for requests_per_minute', async () => {
    const clock = new ManualClock();
    const gate = createLocalRequestGate(clock);
    const starts: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      (await gate.acquire(ticket({ requestsPerMinute: 3 })))();
      starts.push(clock.now());
    }
    expect(starts).toEqual([0, 0, 0, 60_000, 60_000, 60_000, 120_000]);
  });

  it('counts each endpoint separately', async () => {
    const gate = createLocalRequestGate(new ManualClock());
    await gate.acquire(ticket({ maxConcurrent: 1 }, 'a:1'));
    const other = await Promise.race([
      gate.acquire(ticket({ maxConcurrent: 1 }, 'b:1')).then(() => 'granted'),
      settle().then(() => 'waiting'),
    ]);
    expect(other).toBe('granted');
  });

  it('gives up a wait when the signal aborts, holding nothing', async () => {
    const gate = createLocalRequestGate(new ManualClock());
    const first = await gate.acquire(ticket({ maxConcurrent: 1 }));
    const controller = new AbortController();
    const waiting = gate.acquire(ticket({ maxConcurrent: 1 }), controller.signal);
    controller.abort(new Error('stopped'));
    await expect(waiting).rejects.toThrow('stopped');
    first();
    const again = await gate.acquire(ticket({ maxConcurrent: 1 }));
    expect(typeof again).toBe('function');
    await expect(gate.acquire(ticket({}), AbortSignal.abort(new Error('already')))).rejects.toThrow(
      'already',
    );
  });

  it('maps the spec key and endpoints', () => {
    expect(limitsOf({ requests_per_second: 5, max_concurrent: 3 })).toEqual({
      requestsPerSecond: 5,
      maxConcurrent: 3,
    });
    expect(endpointOf({ host: 'http://127.0.0.1:8080/v1' })).toBe('127.0.0.1:8080');
    expect(endpointOf({ host: 'HTTPS://Api.Example.com' })).toBe('api.example.com');
    expect(endpointOf({ region: 'us-east-1' })).toBe('us-east-1');
    expect(endpointOf({})).toBe('default');
  });
});
