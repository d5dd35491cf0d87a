import type { RunEvent } from '@strands-cli/core';
import type { Attributes } from './span-record.js';

/**
 * The span event a run event becomes on the root span (budget warnings, human-in-the-loop pauses
 * and answers, a diverged journal), or undefined for events that are not root-level.
 */
export function rootEventOf(event: RunEvent): { name: string; attributes: Attributes } | undefined {
  switch (event.type) {
    case 'budget-warning':
      return {
        name: 'budget_warning',
        attributes: {
          budget: event.budget,
          limit: event.limit,
          used: event.used,
          threshold: event.threshold,
        },
      };
    case 'human-input-required':
      return { name: 'hitl_pause', attributes: { step: event.step.label, position: event.position } };
    case 'human-answer':
      return { name: 'hitl_answer', attributes: { step: event.step.label, position: event.position } };
    case 'human-timeout':
      return { name: 'hitl_timeout', attributes: { step: event.step.label, position: event.position } };
    case 'journal-diverged':
      return { name: 'journal_diverged', attributes: { step: event.label, position: event.position } };
    default:
      return undefined;
  }
}

/** The GenAI convention's finish reason names. */
export function finishReasonName(reason: string): string {
  return reason === 'tool-calls' ? 'tool_call' : reason.replace('-', '_');
}
