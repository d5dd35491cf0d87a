import type { JournalEffectKindV1, JournalEntryV1, JournalStoreV1 } from '../../spec/v1/journal-v1.js';
import type { RunEventInput } from '../run-events.js';

/** Where a resumed run first found a recorded effect whose request had changed. */
export interface JournalDivergence {
  readonly position: string;
  /** The step's label, e.g. `step 3` or `task 'review'`. */
  readonly label: string;
}

/** What the journal did in one run: the proof that a resume repeated nothing that had completed. */
export interface JournalCounts {
  /** Effects answered from the journal (no model call, no tool call, no question). */
  readonly replayed: number;
  /** Effects done live and recorded. */
  readonly recorded: number;
  /** The first changed request, when the spec or an input changed since the journal was written. */
  readonly diverged?: JournalDivergence;
}

/** The outcome of {@link RunJournal.effect}. */
export interface EffectOutcome<T> {
  readonly value: T;
  readonly replayed: boolean;
}

/**
 * A run's view of its journal. An effect whose position is recorded with the same request hash answers
 * from the record; any other runs live and is appended. The first recorded position whose request
 * changed marks the divergence: from there on nothing answers from the old record, because what follows
 * was computed from results that no longer hold.
 */
export class RunJournal {
  readonly #store: JournalStoreV1 | undefined;
  readonly #recorded = new Map<string, JournalEntryV1>();
  readonly #emit: (event: RunEventInput) => void;
  #replayed = 0;
  #appended = 0;
  #diverged: JournalDivergence | undefined;

  private constructor(
    store: JournalStoreV1 | undefined,
    entries: readonly JournalEntryV1[],
    emit: (event: RunEventInput) => void,
  ) {
    this.#store = store;
    this.#emit = emit;
    for (const entry of entries) this.#recorded.set(entry.position, entry);
  }

  /** Opens the run's journal: reads what `store` holds. Without a store, effects are done live and kept nowhere. */
  static async open(
    store: JournalStoreV1 | undefined,
    emit: (event: RunEventInput) => void,
  ): Promise<RunJournal> {
    return new RunJournal(store, store ? await store.read() : [], emit);
  }

  /** What the journal did so far. */
  get counts(): JournalCounts {
    return {
      replayed: this.#replayed,
      recorded: this.#appended,
      ...(this.#diverged ? { diverged: this.#diverged } : {}),
    };
  }

  /** The recorded result at `position` when its request still matches (without counting it as replayed). */
  peek(position: string, kind: JournalEffectKindV1, requestHash: string): JournalEntryV1 | undefined {
    if (this.#diverged) return undefined;
    const entry = this.#recorded.get(position);
    return entry && entry.kind === kind && entry.requestHash === requestHash ? entry : undefined;
  }

  /**
   * Answers an effect from the journal, or runs `live` and records its result before returning it
   * (so an effect that completed is never repeated after a crash). `label` names the step in the
   * divergence report.
   */
  async effect<T>(
    position: string,
    kind: JournalEffectKindV1,
    requestHash: string,
    label: string,
    live: () => Promise<T>,
  ): Promise<EffectOutcome<T>> {
    const recorded = this.#diverged ? undefined : this.#recorded.get(position);
    if (recorded && recorded.kind === kind) {
      if (recorded.requestHash === requestHash) {
        this.#replayed += 1;
        return { value: structuredClone(recorded.result) as T, replayed: true };
      }
      this.#diverge(position, label);
    }
    const value = await live();
    await this.record(position, kind, requestHash, value);
    return { value, replayed: false };
  }

  /** Appends an effect's result durably. */
  async record(
    position: string,
    kind: JournalEffectKindV1,
    requestHash: string,
    result: unknown,
  ): Promise<void> {
    const entry: JournalEntryV1 = { position, kind, requestHash, result, at: new Date().toISOString() };
    this.#appended += 1;
    if (this.#store) await this.#store.append(entry);
  }

  #diverge(position: string, label: string): void {
    if (this.#diverged) return;
    this.#diverged = { position, label };
    this.#emit({ type: 'journal-diverged', position, label });
  }
}
