import { describe, expect, it } from 'vitest';
import { onForcedExit, runForcedExitHooks } from './interrupt-hooks.js';

describe('forced-exit hooks', () => {
  it('runs each registered hook once, even when one throws, and skips removed ones', () => {
    const calls: string[] = [];
    onForcedExit(() => calls.push('first'));
    onForcedExit(() => {
      throw new Error('broken hook');
    });
    const remove = onForcedExit(() => calls.push('removed'));
    onForcedExit(() => calls.push('last'));
    remove();
    runForcedExitHooks();
    runForcedExitHooks();
    expect(calls).toEqual(['first', 'last']);
  });
});
