import { afterEach, describe, expect, it, vi } from 'vitest';
import { maxTimerMs } from '../timers/safe-timeout.js';
import { systemClock } from './clock.js';

afterEach(() => {
  vi.restoreAllMocks();
});

// Node's timers turn a delay over 2^31-1 ms into 1 ms: the system clock must hand them at most that.
describe('systemClock with delays longer than a timer holds', () => {
  it('setTimer arms the longest timer instead of a 1 ms one', () => {
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const cancel = systemClock.setTimer(3_000_000 * 1000, () => undefined);
    cancel();
    expect(setTimeoutSpy.mock.calls.at(-1)?.[1]).toBe(maxTimerMs);
  });

  it('sleep waits the longest a timer holds, and still ends on abort', async () => {
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const controller = new AbortController();
    const sleeping = systemClock.sleep(2 ** 40, controller.signal);
    expect(setTimeoutSpy.mock.calls.at(-1)?.[1]).toBe(maxTimerMs);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
  });
});
