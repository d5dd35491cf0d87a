import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { publishFile } from '../../files/publish-file.js';
import { RuntimeFailure } from '../../spec/v1/errors.js';
import { confinePath } from '../../tools/native/confine-path.js';

/** One workflow note: what an invocation did, kept short so many fit into a later system prompt. */
export interface WorkflowNote {
  /** ISO 8601 UTC time, to the second. */
  readonly timestamp: string;
  readonly agent: string;
  /** The step's label, e.g. `step 2` or `task 'review'`. */
  readonly step: string;
  readonly input: string;
  readonly tools: readonly string[];
  readonly outcome: string;
}

/** `context_policy.notes` as the runtime uses it, defaults applied. */
export interface NotesPolicy {
  readonly file: string;
  readonly includeLast: number;
  readonly format: 'markdown' | 'json';
}

/** Characters of the input and of the outcome a note keeps. */
export const noteTextLimit = 200;

/** The heading under which earlier notes appear in a later agent's system prompt. */
export const notesHeading = '# Previous Workflow Steps';

/** A note for one finished invocation, its texts truncated. */
export function createNote(fields: Omit<WorkflowNote, 'timestamp'>, at: Date): WorkflowNote {
  return {
    timestamp: `${at.toISOString().slice(0, 19)}Z`,
    agent: fields.agent,
    step: fields.step,
    input: truncate(fields.input),
    tools: [...new Set(fields.tools)],
    outcome: truncate(fields.outcome),
  };
}

/** A note as a Markdown block (the notes file's entry and the system prompt's entry are the same). */
export function noteMarkdown(note: WorkflowNote): string {
  return [
    `## [${note.timestamp}] — Agent: ${note.agent} (${note.step})`,
    `- **Input**: ${note.input}`,
    `- **Tools used**: ${note.tools.length > 0 ? note.tools.join(', ') : 'None'}`,
    `- **Outcome**: ${note.outcome}`,
  ].join('\n');
}

/**
 * The run's workflow notes: appended to the notes file after each invocation and offered to later
 * invocations. Only this run's notes are injected, so a resumed run sends the same prompts as the run it
 * resumes (a note left in the file by an older run would otherwise change every later request).
 */
export class NotesLog {
  readonly #policy: NotesPolicy;
  readonly #root: string;
  readonly #notes: WorkflowNote[] = [];
  /** Appends run one at a time: concurrent read-modify-write cycles would lose notes. */
  #queue: Promise<void> = Promise.resolve();

  constructor(policy: NotesPolicy, workingDirectory: string) {
    this.#policy = policy;
    this.#root = workingDirectory;
  }

  /** The notes kept so far in this run. */
  get notes(): readonly WorkflowNote[] {
    return this.#notes;
  }

  /** The system prompt section with the last `include_last` notes, or undefined when there is none. */
  promptSection(): string | undefined {
    const count = this.#policy.includeLast;
    if (count <= 0 || this.#notes.length === 0) return undefined;
    return [notesHeading, ...this.#notes.slice(-count).map(noteMarkdown)].join('\n\n');
  }

  /**
   * Adds `note` to the run and makes sure the notes file holds it. Idempotent for the same note: a note
   * already in the file (written before a crash) is not written again, so a resumed run never
   * duplicates one.
   * @throws RuntimeFailure when the file is outside the working directory or cannot be written.
   */
  add(note: WorkflowNote): Promise<void> {
    this.#notes.push(note);
    const next = this.#queue.then(() => this.#write(note));
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Checks that the notes file may be written (inside the working directory, not through a link).
   * @throws RuntimeFailure naming the refused path.
   */
  async check(): Promise<void> {
    await this.#confined();
  }

  async #confined(): Promise<string> {
    const { file } = this.#policy;
    const confined = await confinePath(this.#root, file, 'write');
    if (!confined.ok) {
      throw new RuntimeFailure(`context_policy.notes.file '${file}' is refused: ${confined.message}`, {
        hint: 'Give a relative path inside the working directory, e.g. artifacts/notes.md.',
      });
    }
    return confined.path;
  }

  async #write(note: WorkflowNote): Promise<void> {
    const { file, format } = this.#policy;
    const path = await this.#confined();
    const existing = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const content = format === 'json' ? jsonWithNote(existing, note, file) : markdownWithNote(existing, note);
    if (content === undefined) return;
    await mkdir(dirname(path), { recursive: true });
    await publishFile(path, content, 'replace');
  }
}

/** The Markdown file with `note` appended, or undefined when it already holds it. */
function markdownWithNote(existing: string, note: WorkflowNote): string | undefined {
  const block = noteMarkdown(note);
  if (existing.includes(block)) return undefined;
  const separator =
    existing === '' || existing.endsWith('\n\n') ? '' : existing.endsWith('\n') ? '\n' : '\n\n';
  return `${existing}${separator}${block}\n\n`;
}

/** The JSON file (an array of notes) with `note` appended, or undefined when it already holds it. */
function jsonWithNote(existing: string, note: WorkflowNote, file: string): string | undefined {
  let notes: unknown[] = [];
  if (existing.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(existing);
    } catch {
      parsed = undefined;
    }
    if (!Array.isArray(parsed)) {
      throw new RuntimeFailure(`The notes file '${file}' is not a JSON array of notes`, {
        hint: 'Delete or move the file, or set context_policy.notes.format to markdown.',
      });
    }
    notes = parsed;
  }
  const serialized = JSON.stringify(note);
  if (notes.some((entry) => JSON.stringify(entry) === serialized)) return undefined;
  return `${JSON.stringify([...notes, note], null, 2)}\n`;
}

function truncate(text: string): string {
  return text.length > noteTextLimit ? `${text.slice(0, noteTextLimit)}...` : text;
}
