import type { WorkflowSpec } from '../../spec-file/schema/workflow-spec.js';
import { type CompactionSettings, compactionSettings } from './compaction.js';
import { NotesLog } from './notes-log.js';

/** strands-cli injects this many earlier notes when the spec does not say. */
const defaultIncludeLast = 12;

/** The run's `context_policy` features, ready for the invoker (absent ones left out). */
export function contextFeatures(
  spec: Readonly<WorkflowSpec>,
  workingDirectory: string,
): { notes?: NotesLog; compaction?: CompactionSettings } {
  const policy = spec.context_policy;
  const compaction = compactionSettings(policy);
  const notes = policy?.notes;
  return {
    ...(compaction ? { compaction } : {}),
    ...(notes
      ? {
          notes: new NotesLog(
            {
              file: notes.file,
              includeLast: notes.include_last ?? defaultIncludeLast,
              format: notes.format ?? 'markdown',
            },
            workingDirectory,
          ),
        }
      : {}),
  };
}
