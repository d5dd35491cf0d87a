import { SessionError, UsageError } from '../spec/v1/errors.js';
import type { SessionHandleV1, SessionRecordV1, SessionStoreV1 } from '../spec/v1/session-v1.js';
import { specHash } from './session-record.js';

/** Options of {@link planResume}. */
export interface PlanResumeOptions {
  /** The answer to the first question the session waits on (`--hitl-response`). */
  readonly hitlResponse?: string;
  /** True when questions can be asked as they come (a terminal, `onHumanInput`): no answer is needed up front. */
  readonly canAsk?: boolean;
  /** Resume against this spec text instead of the snapshot (an edited spec); its file name is `specFile`. */
  readonly editedSpec?: { readonly text: string; readonly file: string };
  /** The current time in ms (timeouts). @default Date.now() */
  readonly now?: number;
}

/** What a resume runs: the open session, the spec to load, the answers to give. */
export interface ResumePlan {
  readonly handle: SessionHandleV1;
  readonly record: SessionRecordV1;
  /** The spec text to load and the file name to load it as (messages and relative paths). */
  readonly spec: { readonly text: string; readonly file: string };
  /** True when `editedSpec` differs from the snapshot (the run will report where it diverges). */
  readonly specChanged: boolean;
  /** Answers by journal position, for {@link runInSession}. */
  readonly humanAnswers: Readonly<Record<string, string>>;
}

/**
 * Opens a session to resume it and works out what the resumed run needs. A completed session, or one
 * another live process holds, is a SessionError (exit 17). A session waiting for a person needs an
 * answer (`hitlResponse`) unless questions can be asked as they come or the question's timeout has
 * expired (its default then applies); otherwise it is a UsageError (exit 2) that shows the question.
 * On any error the session is released again.
 */
export async function planResume(
  store: SessionStoreV1,
  id: string,
  options: PlanResumeOptions = {},
): Promise<ResumePlan> {
  const handle = await store.open(id);
  try {
    const record = await handle.read();
    if (record.status === 'completed') {
      throw new SessionError(`Session ${id} already completed; there is nothing to resume`, id, {
        hint: `See its results with \`strands sessions show ${id}\`, or start a new run with \`strands run SPEC\`.`,
      });
    }
    const humanAnswers = answersFor(record, options);
    const snapshot = await handle.readSpec();
    const snapshotFile = record.specPath ?? snapshot.fileName;
    const spec = options.editedSpec ?? { text: snapshot.text, file: snapshotFile };
    const specChanged =
      options.editedSpec !== undefined && specHash(options.editedSpec.text) !== record.specHash;
    return { handle, record, spec, specChanged, humanAnswers };
  } catch (error) {
    await handle.release();
    throw error;
  }
}

function answersFor(record: SessionRecordV1, options: PlanResumeOptions): Record<string, string> {
  const [first] = record.pending;
  if (!first) {
    if (options.hitlResponse !== undefined) {
      throw new UsageError(`Session ${record.id} is not waiting for an answer (it is ${record.status})`, {
        hint: `Resume it without --hitl-response: strands run --resume ${record.id}`,
      });
    }
    return {};
  }
  if (options.hitlResponse !== undefined) return { [first.position]: options.hitlResponse };
  const expired = first.timeoutAt !== undefined && Date.parse(first.timeoutAt) <= (options.now ?? Date.now());
  if (expired || options.canAsk) return {};
  throw new UsageError(
    `Session ${record.id} is waiting for an answer to ${first.step.label}: ${first.prompt.trim()}`,
    {
      hint: `Answer it: strands run --resume ${record.id} --hitl-response "<your answer>" (or add --interactive on a terminal).`,
    },
  );
}

/**
 * The session `--auto-resume` picks for a spec: the most recently updated one of the same spec hash
 * that failed, paused or was interrupted (a crashed run's stale `running` is reported as interrupted).
 */
export async function findResumableSession(
  store: SessionStoreV1,
  hash: string,
): Promise<SessionRecordV1 | undefined> {
  const sessions = await store.list();
  return sessions.find(
    (record) =>
      record.specHash === hash &&
      (record.status === 'failed' || record.status === 'paused' || record.status === 'interrupted'),
  );
}
