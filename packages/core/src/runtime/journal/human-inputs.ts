import { sha256Json } from '../../record-replay/canonical-request.js';
import { RunPausedError, type StrandsErrorOptions, UsageError } from '../../spec/v1/errors.js';
import type { HumanInputRequestV1, PendingHumanInputV1 } from '../../spec/v1/journal-v1.js';
import type { RunEventInput } from '../run-events.js';
import { type OccurrenceCounter, stepPosition } from './positions.js';
import type { RunJournal } from './run-journal.js';

/** The answer used when a question's timeout expired and it has no `default`. */
export const timeoutExpiredAnswer = 'timeout_expired';

const invalidHumanAnswerMarker = Symbol.for('strands-cli.error.InvalidHumanAnswerError');

/**
 * An answer the step refused (e.g. a routing review answer that is neither `approved` nor a known
 * route). A usage error (exit 2): the question is still open, so the session stays paused rather than
 * failed, and the person can answer again.
 */
export class InvalidHumanAnswerError extends UsageError {
  protected readonly [invalidHumanAnswerMarker] = true;

  /** True for an InvalidHumanAnswerError, even one thrown by another copy of the package. */
  static override isInstance(value: unknown): value is InvalidHumanAnswerError {
    return UsageError.hasMarker(value, invalidHumanAnswerMarker);
  }

  constructor(message: string, options: StrandsErrorOptions = {}) {
    super(message, options);
    this.name = 'InvalidHumanAnswerError';
  }
}

/** A question as `onHumanInput` receives it: the request plus its position in the journal. */
export interface HumanInputV1 extends HumanInputRequestV1 {
  readonly position: string;
}

/** Answers questions as they come (a terminal prompt, a web form, a test). */
export type HumanInputHandler = (request: HumanInputV1) => Promise<string>;

/** What the run knows about human answers before it starts. */
export interface HumanInputsOptions {
  readonly journal: RunJournal;
  readonly occurrences: OccurrenceCounter;
  readonly emit: (event: RunEventInput) => void;
  /** Answers given for this run, by position (`--hitl-response` answers the first pending question). */
  readonly answers?: Readonly<Record<string, string>>;
  /** The questions a previous attempt paused on: when they were asked, when their timeouts expire. */
  readonly previouslyPending?: readonly PendingHumanInputV1[];
  readonly onHumanInput?: HumanInputHandler;
  /** The current time in ms since the epoch (timeouts compare against it). */
  readonly now: () => number;
  /** The run's signal: a cancelled run stops waiting. */
  readonly signal: AbortSignal;
}

interface Waiting {
  readonly pending: PendingHumanInputV1;
  readonly reject: (error: unknown) => void;
}

/**
 * Human answers as journaled effects, and the pause. A question is answered, in order, from the
 * journal, from the answers given for this run, by its expired timeout's default, or by `onHumanInput`.
 * Otherwise it waits while the rest of the run goes on; once no invocation is running and none started
 * since the last check (nothing else can progress), the run pauses: every waiting question rejects
 * with one RunPausedError that lists them all.
 */
export class HumanInputs {
  readonly #options: HumanInputsOptions;
  readonly #waiting: Waiting[] = [];
  #active = 0;
  #generation = 0;
  #checkScheduled = false;
  #paused: RunPausedError | undefined;

  constructor(options: HumanInputsOptions) {
    this.#options = options;
    options.signal.addEventListener('abort', () => this.#rejectAll(options.signal.reason), { once: true });
  }

  /** Set once the run paused. */
  get paused(): RunPausedError | undefined {
    return this.#paused;
  }

  /** Runs `work` as activity that can still make progress (an invocation, a journaled computation). */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.#active += 1;
    this.#generation += 1;
    try {
      return await work();
    } finally {
      this.#active -= 1;
      this.#scheduleCheck();
    }
  }

  /** Implements `ExecutorContextV1.awaitHuman`. */
  async ask(request: HumanInputRequestV1): Promise<string> {
    const { journal, occurrences } = this.#options;
    const position = `${stepPosition(request.step, occurrences.of(request.step))}/human`;
    const requestHash = sha256Json({ prompt: request.prompt, context: request.contextDisplay ?? '' });
    const recorded = journal.peek(position, 'human', requestHash);
    const record = () =>
      journal.effect(position, 'human', requestHash, request.step.label, async () => {
        const answer = await this.#answer(position, request);
        const problem = request.validate?.(answer);
        if (problem !== undefined) {
          throw new InvalidHumanAnswerError(`The answer to ${request.step.label} is not valid: ${problem}`, {
            hint: 'Resume again with an accepted --hitl-response.',
          });
        }
        return answer;
      });
    // An answer that is already known (journaled, given for this run, or by an expired timeout) is
    // progress like an invocation: while it is being recorded the run must not decide that nothing
    // else can progress, or it would pause before the answered branch goes on.
    const outcome = this.#knowsAnswer(position, recorded !== undefined)
      ? await this.track(record)
      : await record();
    if (!recorded) {
      this.#options.emit({ type: 'human-answer', step: request.step, position });
    }
    return outcome.value;
  }

  /** True when the question at `position` is answered without waiting for a person. */
  #knowsAnswer(position: string, recorded: boolean): boolean {
    return recorded || this.#options.answers?.[position] !== undefined || this.#expired(position);
  }

  /** The question an earlier attempt paused on at `position`, if it was asked. */
  #askedBefore(position: string): PendingHumanInputV1 | undefined {
    return this.#options.previouslyPending?.find((pending) => pending.position === position);
  }

  /** True when the question at `position` was asked before and its timeout has run out. */
  #expired(position: string): boolean {
    const timeoutAt = this.#askedBefore(position)?.timeoutAt;
    return timeoutAt !== undefined && Date.parse(timeoutAt) <= this.#options.now();
  }

  async #answer(position: string, request: HumanInputRequestV1): Promise<string> {
    const given = this.#options.answers?.[position];
    if (given !== undefined) return given;
    const before = this.#askedBefore(position);
    if (this.#expired(position)) {
      const fallback = request.default ?? timeoutExpiredAnswer;
      this.#options.emit({ type: 'human-timeout', step: request.step, position, answer: fallback });
      return fallback;
    }
    if (this.#options.onHumanInput) return this.#options.onHumanInput({ ...request, position });
    return this.#wait(position, request, before);
  }

  #wait(
    position: string,
    request: HumanInputRequestV1,
    before: PendingHumanInputV1 | undefined,
  ): Promise<string> {
    const askedAt = before?.askedAt ?? new Date(this.#options.now()).toISOString();
    const timeout = request.timeoutSeconds ?? 0;
    const pending: PendingHumanInputV1 = {
      position,
      step: { kind: request.step.kind, label: request.step.label, pointer: request.step.pointer },
      prompt: request.prompt,
      ...(request.contextDisplay === undefined ? {} : { contextDisplay: request.contextDisplay }),
      ...(request.default === undefined ? {} : { default: request.default }),
      ...(timeout > 0 ? { timeoutSeconds: timeout } : {}),
      askedAt,
      ...(timeout > 0 ? { timeoutAt: new Date(Date.parse(askedAt) + timeout * 1000).toISOString() } : {}),
    };
    this.#options.emit({
      type: 'human-input-required',
      step: request.step,
      position,
      prompt: request.prompt,
    });
    return new Promise<string>((_resolve, reject) => {
      if (this.#options.signal.aborted) {
        reject(this.#options.signal.reason);
        return;
      }
      this.#waiting.push({ pending, reject });
      this.#scheduleCheck();
    });
  }

  /**
   * Pauses when questions wait and nothing runs. The check runs after pending callbacks, so work an
   * executor starts in reaction to a finished invocation is counted before the decision.
   */
  #scheduleCheck(): void {
    if (this.#checkScheduled || this.#waiting.length === 0 || this.#active > 0) return;
    this.#checkScheduled = true;
    const generation = this.#generation;
    setImmediate(() => {
      this.#checkScheduled = false;
      if (this.#waiting.length === 0 || this.#active > 0) return;
      if (generation !== this.#generation) {
        this.#scheduleCheck();
        return;
      }
      // Questions in position order, so a resume asks them in the same order every time.
      const pending = this.#waiting.map((item) => item.pending).sort(byPosition);
      this.#paused = new RunPausedError(pending);
      this.#rejectAll(this.#paused);
    });
  }

  #rejectAll(reason: unknown): void {
    for (const item of this.#waiting.splice(0)) item.reject(reason);
  }
}

function byPosition(left: PendingHumanInputV1, right: PendingHumanInputV1): number {
  return left.position < right.position ? -1 : left.position > right.position ? 1 : 0;
}
