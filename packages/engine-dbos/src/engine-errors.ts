import { SessionError } from '@strands-cli/core/spec';
import type { DurableRunRecord } from './run-registry.js';

/** The reasons a durable run cannot be resumed by this process (exit 17, like a session error). */
export const refusedRun = {
  /** The run was started by another engine or spec-format version: refused, not migrated. */
  otherVersion(run: DurableRunRecord, version: string): SessionError {
    return new SessionError(
      `Run ${run.runId} of ${run.specName} was started by ${run.applicationVersion}, and this is ${version}: a run's journal is only replayed by the version that wrote it`,
      run.runId,
      {
        hint: `Finish it with ${run.applicationVersion.split('+')[0]}, or start a separate run with --new-run.`,
      },
    );
  },
  /** Another live process holds the run's lease. */
  busy(run: DurableRunRecord): SessionError {
    return new SessionError(
      `Run ${run.runId} of ${run.specName} is being run by another live process`,
      run.runId,
      {
        hint: 'Wait for it to finish, or start a separate run with --new-run.',
      },
    );
  },
};
