import type { JournalStoreV1, PendingHumanInputV1 } from './journal-v1.js';

/**
 * The session contract: what a run keeps so it can be resumed, listed and cleaned up. A session
 * holds the spec snapshot, the variables, the status and the run's journal. The default store is
 * plain files; a database-backed store implements the same interfaces.
 */

/**
 * Where a session stands. `interrupted` is also reported for a `running` session whose process is
 * gone (its lock is stale): a crash looks like an interruption.
 */
export type SessionStatusV1 = 'running' | 'paused' | 'completed' | 'failed' | 'interrupted';

/** The metadata of a session (plain JSON). */
export interface SessionRecordV1 {
  readonly id: string;
  /** The workflow's `name`. */
  readonly name: string;
  /** `pattern.type`. */
  readonly pattern: string;
  /** SHA-256 (hex) of the spec file's bytes. */
  readonly specHash: string;
  /** The spec file the run was started from (absolute), for messages; the snapshot is what resumes. */
  readonly specPath?: string;
  readonly status: SessionStatusV1;
  /** ISO 8601. */
  readonly createdAt: string;
  /** ISO 8601. */
  readonly updatedAt: string;
  /** The `--var` values as given (`key=value`), so a resume loads the spec exactly as the run did. */
  readonly vars: readonly string[];
  /** Artifact directory of the run (absolute), reused on resume. */
  readonly out?: string;
  /** Tokens used over every attempt. */
  readonly usage: { readonly inputTokens: number; readonly outputTokens: number };
  /** Milliseconds the run was active over every attempt (what `max_duration_s` counts). */
  readonly activeMs: number;
  /** Agent invocations finished so far (replayed ones included). */
  readonly invocations: number;
  /** Questions waiting for an answer (status `paused`). */
  readonly pending: readonly PendingHumanInputV1[];
  /** Artifacts written by the completed run (absolute paths). */
  readonly artifacts: readonly string[];
  /** Why the last attempt failed. */
  readonly error?: { readonly message: string; readonly exitCode: number };
}

/** What a new session starts with. */
export interface NewSessionV1 {
  readonly name: string;
  readonly pattern: string;
  /** The spec file's bytes, kept as the snapshot a resume runs. */
  readonly specText: string;
  /** The spec file's name (its extension tells YAML from JSON). */
  readonly specFileName: string;
  readonly specPath?: string;
  readonly vars: readonly string[];
  readonly out?: string;
}

/** The changes a run makes to its session's metadata. */
export type SessionUpdateV1 = Partial<
  Pick<
    SessionRecordV1,
    'status' | 'usage' | 'activeMs' | 'invocations' | 'pending' | 'artifacts' | 'error' | 'out' | 'vars'
  >
>;

/** An open session, locked to this process until `release()`. */
export interface SessionHandleV1 {
  readonly id: string;
  /** The session's journal. */
  readonly journal: JournalStoreV1;
  /** The current metadata. */
  read(): Promise<SessionRecordV1>;
  /** Changes the metadata atomically (never half-written) and sets `updatedAt`. */
  update(changes: SessionUpdateV1): Promise<SessionRecordV1>;
  /** The spec snapshot: its text and file name. */
  readSpec(): Promise<{ readonly text: string; readonly fileName: string }>;
  /** Gives up the lock. Idempotent. */
  release(): Promise<void>;
}

/** Where sessions live. */
export interface SessionStoreV1 {
  /** Creates a session (status `running`) and opens it. */
  create(init: NewSessionV1): Promise<SessionHandleV1>;
  /**
   * Opens a session to resume it.
   * @throws SessionError (exit 17) when it does not exist, or another live process holds it.
   */
  open(id: string): Promise<SessionHandleV1>;
  /** A session's metadata, with a stale `running` reported as `interrupted`; undefined when unknown. */
  get(id: string): Promise<SessionRecordV1 | undefined>;
  /** Every session, most recently updated first. */
  list(): Promise<readonly SessionRecordV1[]>;
  /** Deletes a session. @throws SessionError when it is unknown or in use by a live process. */
  delete(id: string): Promise<void>;
  /**
   * Keeps a document beside a session (the run's trace, `trace.json`), replacing any earlier one
   * whole. Optional: a store without it keeps no attachments. Names are short lower-case `.json` file names.
   * @throws SessionError when the session is unknown or the name is not an attachment name
   */
  writeAttachment?(id: string, name: string, text: string): Promise<void>;
  /** A document kept by `writeAttachment`; undefined when the session has none of that name. */
  readAttachment?(id: string, name: string): Promise<string | undefined>;
}
