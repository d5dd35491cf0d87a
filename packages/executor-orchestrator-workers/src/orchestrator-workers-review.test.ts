import { describe, expect, it } from 'vitest';
import { verdictOf } from './orchestrator-workers-review.js';

describe('verdictOf', () => {
  it('approves, rejects, or takes the answer as feedback', () => {
    expect(['approve', ' Approved ', 'YES', 'ok', 'lgtm'].map(verdictOf)).toEqual(Array(5).fill('approve'));
    expect(verdictOf('reject')).toBe('reject');
    expect(verdictOf('split task 1 in two')).toBe('feedback');
  });
});
