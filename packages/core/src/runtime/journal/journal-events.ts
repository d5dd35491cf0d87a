import type { StepRefV1 } from '../../spec/v1/executor-v1.js';

/** Fields every event carries (kept in step with run-events.ts). */
interface EventBase {
  /** Milliseconds since the run started (from the run's clock). */
  readonly elapsedMs: number;
}

/**
 * A resumed run found a recorded effect whose request changed (the spec or an input was edited since):
 * from this position on, everything runs live.
 */
export interface JournalDivergedEvent extends EventBase {
  readonly type: 'journal-diverged';
  readonly position: string;
  /** The step's label, e.g. `step 3`. */
  readonly label: string;
}
/** A human-in-the-loop step asks a question that has no answer yet: the run will pause on it. */
export interface HumanInputRequiredEvent extends EventBase {
  readonly type: 'human-input-required';
  readonly step: StepRefV1;
  readonly position: string;
  readonly prompt: string;
}
/** A question was answered (by the resume's answer, `onHumanInput` or the terminal) and recorded. */
export interface HumanAnswerEvent extends EventBase {
  readonly type: 'human-answer';
  readonly step: StepRefV1;
  readonly position: string;
}
/** A question's timeout expired before it was answered: its default answer applies. */
export interface HumanTimeoutEvent extends EventBase {
  readonly type: 'human-timeout';
  readonly step: StepRefV1;
  readonly position: string;
  /** The answer used (the step's `default`, or `timeout_expired`). */
  readonly answer: string;
}

/** The events of the journal and of human-in-the-loop steps. */
export type JournalEvent =
  | JournalDivergedEvent
  | HumanInputRequiredEvent
  | HumanAnswerEvent
  | HumanTimeoutEvent;
