import { describe, expect, it } from 'vitest';
import { maxTimerMs, maxTimerSeconds, safeTimeoutMs } from './safe-timeout.js';

describe('safeTimeoutMs', () => {
  it('keeps delays a Node timer can hold', () => {
    expect(safeTimeoutMs(0)).toBe(0);
    expect(safeTimeoutMs(1500)).toBe(1500);
    expect(safeTimeoutMs(maxTimerMs)).toBe(maxTimerMs);
  });

  it('clamps longer delays (which Node would turn into 1 ms) to the longest it can hold', () => {
    expect(safeTimeoutMs(3_000_000 * 1000)).toBe(maxTimerMs);
    expect(safeTimeoutMs(Number.POSITIVE_INFINITY)).toBe(maxTimerMs);
    expect(safeTimeoutMs(Number.NaN)).toBe(maxTimerMs);
  });

  it('treats a negative delay as zero', () => {
    expect(safeTimeoutMs(-5)).toBe(0);
  });

  it('gives the same limit in whole seconds', () => {
    expect(maxTimerSeconds).toBe(2_147_483);
    expect(maxTimerSeconds * 1000).toBeLessThanOrEqual(maxTimerMs);
  });
});
