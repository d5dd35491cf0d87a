import { describe, expect, it } from 'vitest';
import { gateDecision, gateProblem } from './evaluator-optimizer-gate.js';

describe('gateDecision', () => {
  it('accepts on approve/approved/accept/stop, revises on continue or nothing, else passes feedback', () => {
    for (const answer of ['approve', 'Approved', ' stop ', 'accept']) {
      expect(gateDecision(answer).action).toBe('accept');
    }
    expect(gateDecision('continue')).toEqual({ action: 'revise', answer: 'continue', feedback: '' });
    expect(gateDecision('')).toEqual({ action: 'revise', answer: '', feedback: '' });
    expect(gateDecision(' shorter please ')).toEqual({
      action: 'revise',
      answer: ' shorter please ',
      feedback: 'shorter please',
    });
  });
});

describe('gateProblem', () => {
  it('checks the answer against validation.pattern', () => {
    expect(gateProblem('anything', undefined)).toBeUndefined();
    expect(gateProblem('approve', '^(approve|continue)$')).toBeUndefined();
    expect(gateProblem('maybe', '^(approve|continue)$')).toBe(
      '"maybe" does not match the review gate\'s pattern /^(approve|continue)$/',
    );
  });
});
