import { createHash } from 'node:crypto';
import type { TurnServices } from '../model-turn.js';
import { createNote, type NotesLog, type WorkflowNote } from './notes-log.js';

/**
 * Appends the note of a finished invocation through the run's journal. The note (its timestamp
 * included) is recorded before the file is written, and the write skips a note the file already holds:
 * a resumed run replays the same note instead of adding a second one, and a crash between the record
 * and the write is repaired by the resumed run's write.
 */
export async function journaledNote(
  services: TurnServices,
  notes: NotesLog,
  position: string | undefined,
  label: string,
  fields: Omit<WorkflowNote, 'timestamp'>,
  now: () => Date,
): Promise<void> {
  const live = async (): Promise<WorkflowNote> => createNote(fields, now());
  const { journal } = services;
  const note =
    journal && position !== undefined
      ? (await journal.effect(`${position}/note`, 'value', noteKey(fields), label, live)).value
      : await live();
  await notes.add(note);
}

/** What decides a note: everything but its time, so a replayed invocation finds its recorded note. */
function noteKey(fields: Omit<WorkflowNote, 'timestamp'>): string {
  return createHash('sha256')
    .update(JSON.stringify([fields.agent, fields.step, fields.input, fields.tools, fields.outcome]))
    .digest('hex');
}
