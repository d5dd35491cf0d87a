import type { StepRefV1 } from './executor-v1.js';

/**
 * The journal contract: every effect a run's result depends on (a model turn, a tool call, a human's
 * answer, a clock reading or random value that steers control flow) is recorded under its logical
 * position, so running the executor again from the start replays what already happened and does live
 * only what did not. Resume, human-in-the-loop pauses and distributed execution all stand on it.
 */

/** What kind of effect a journal entry records. */
export type JournalEffectKindV1 = 'model-turn' | 'tool-call' | 'human' | 'value';

/**
 * One recorded effect. `position` is logical, never a completion order or a wall time: the step's
 * JSON pointer, its occurrence, then the place inside the invocation, e.g.
 * `/pattern/config/steps/2#0/turn/1` or `/pattern/config/steps/2#0/turn/1/tool/0`.
 */
export interface JournalEntryV1 {
  readonly position: string;
  readonly kind: JournalEffectKindV1;
  /**
   * SHA-256 (hex) of what decided the effect (the canonical model request, the tool name and input, the
   * human prompt). A replay whose request hashes differently runs live: the spec or an input changed.
   */
  readonly requestHash: string;
  /** The effect's result, as plain JSON. */
  readonly result: unknown;
  /** When the effect completed (ISO 8601). For people reading the journal; never steers control flow. */
  readonly at: string;
}

/**
 * Where a run's journal is kept: plain files by default, memory for library use and tests, a database
 * for distributed execution. Implementations must make `append` durable before it resolves (a run may
 * be killed right after), and must tolerate a torn last record when reading (skip it).
 */
export interface JournalStoreV1 {
  /** Every entry recorded so far, in append order. A later entry for the same position wins. */
  read(): Promise<readonly JournalEntryV1[]>;
  /** Records one entry durably. */
  append(entry: JournalEntryV1): Promise<void>;
}

/** A question for a person, from a human-in-the-loop step. */
export interface HumanInputRequestV1 {
  /** The step asking; its pointer (and occurrence) is the answer's logical position. */
  readonly step: StepRefV1;
  /** What the person is asked. */
  readonly prompt: string;
  /** The rendered `context_display`: what the person needs to see to answer. */
  readonly contextDisplay?: string;
  /** The answer used when the timeout expires. */
  readonly default?: string;
  /** Seconds after the question is asked before `default` applies; 0 or absent: never. */
  readonly timeoutSeconds?: number;
  /**
   * Checks an answer before it is recorded (e.g. a routing review accepts `approved` or `route:<name>`).
   * Returns a message saying what is wrong and what is accepted, or undefined when the answer is fine.
   */
  readonly validate?: (answer: string) => string | undefined;
}

/** A question waiting for its answer, as a paused run stores it (plain JSON). */
export interface PendingHumanInputV1 {
  /** Logical position of the answer in the journal. */
  readonly position: string;
  readonly step: StepRefV1;
  readonly prompt: string;
  readonly contextDisplay?: string;
  readonly default?: string;
  readonly timeoutSeconds?: number;
  /** When the question was first asked (ISO 8601). */
  readonly askedAt: string;
  /** When `default` applies (ISO 8601), when a timeout is set. */
  readonly timeoutAt?: string;
}
