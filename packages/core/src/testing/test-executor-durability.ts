import { expect, it } from 'vitest';
import { createMemoryJournalStore } from '../runtime/journal/memory-journal-store.js';
import type { RunResult, RunWorkflowOptions } from '../runtime/run-types.js';
import type { StepRefV1 } from '../spec/v1/executor-v1.js';
import { RunPausedError } from '../spec/v1/session-errors.js';
import type { MockProviderPlugin } from './mock-provider-plugin.js';

/** A question as a conformance case answers it: from `onHumanInput` or from a paused run's list. */
export interface ConformanceQuestion {
  readonly position: string;
  readonly step: StepRefV1;
  readonly prompt: string;
  readonly contextDisplay?: string;
}

/** Starts one run of the case with overrides; each call gets a fresh mock provider. */
export type CaseRun = (overrides?: Partial<RunWorkflowOptions>) => {
  readonly mock: MockProviderPlugin;
  readonly pending: Promise<RunResult>;
};

/** How many pauses a case may take before the check gives up (a pattern that asks forever). */
const maxPauses = 50;

/**
 * The durability checks of the contract: a run replayed over its own journal makes no model call and
 * returns the same result (executors are deterministic given their results), and, for a case with
 * human-in-the-loop steps, a run without an answer pauses with exit 19 and resuming it with the
 * answers to the questions it lists completes with the same result, never sending a completed model
 * call again.
 */
export function describeDurabilityChecks(
  run: CaseRun,
  human: ((question: ConformanceQuestion) => string) | undefined,
): void {
  const onHumanInput = human && (async (question: ConformanceQuestion) => human(question));

  it('replays from its journal: a second run makes no model call and returns the same result', async () => {
    const journal = createMemoryJournalStore();
    const first = await run({ journal, ...(onHumanInput ? { onHumanInput } : {}) }).pending;
    let asked = 0;
    const counting = async (question: ConformanceQuestion): Promise<string> => {
      asked += 1;
      return human ? human(question) : '';
    };
    const second = run({ journal, ...(human ? { onHumanInput: counting } : {}) });
    const replayed = await second.pending;
    expect(second.mock.calls.length).toBe(0);
    expect(asked).toBe(0);
    expect(replayed.response).toBe(first.response);
    expect(replayed.context).toEqual(first.context);
  });

  if (human === undefined) return;

  it('pauses with exit 19 without an answer, and completes when resumed with the answers', async () => {
    const straight = run({ onHumanInput });
    const expected = await straight.pending;
    const journal = createMemoryJournalStore();
    const humanAnswers: Record<string, string> = {};
    let sent = 0;
    let pauses = 0;
    for (;;) {
      const attempt = run({ journal, humanAnswers: { ...humanAnswers } });
      const outcome = await attempt.pending.catch((caught: unknown) => caught);
      sent += attempt.mock.calls.length;
      if (!RunPausedError.isInstance(outcome)) {
        expect(pauses).toBeGreaterThan(0);
        expect((outcome as RunResult).response).toBe(expected.response);
        expect((outcome as RunResult).context).toEqual(expected.context);
        break;
      }
      expect(outcome.exitCode).toBe(19);
      expect(outcome.pending.length).toBeGreaterThan(0);
      pauses += 1;
      expect(pauses).toBeLessThanOrEqual(maxPauses);
      for (const question of outcome.pending) {
        expect(humanAnswers[question.position]).toBeUndefined();
        humanAnswers[question.position] = human(question);
      }
    }
    // Every model call completed before a pause came from the journal afterwards.
    expect(sent).toBe(straight.mock.calls.length);
  });
}
