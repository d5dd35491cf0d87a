import { InvalidHumanAnswerError } from '../runtime/journal/human-inputs.js';
import type { RunResult, RunWorkflowOptions } from '../runtime/run-types.js';
import { runWorkflow } from '../runtime/run-workflow.js';
import { RunCancelledError, RunPausedError, StrandsError } from '../spec/v1/errors.js';
import type { SessionHandleV1, SessionRecordV1 } from '../spec/v1/session-v1.js';
import type { LoadedSpec } from '../spec-file/loaded-spec.js';

/** What {@link runInSession} needs besides the spec: the open session and the answers for its questions. */
export interface InSessionOptions {
  readonly handle: SessionHandleV1;
  /** Answers by journal position (from {@link planResume}). */
  readonly humanAnswers?: Readonly<Record<string, string>>;
}

/**
 * Runs a workflow inside a session: the session's journal answers every effect an earlier attempt
 * completed, new effects are appended as they finish, and the session's status follows the run:
 * `completed` (with its artifacts), `paused` (with the questions waiting; rethrown as a RunPausedError
 * that names the session; still `paused` after an answer the step refused), `interrupted` (Ctrl-C) or
 * `failed` (with the error). Token usage and active
 * time accumulate across attempts. The session's lock is released whatever happens.
 */
export async function runInSession(
  loaded: LoadedSpec,
  session: InSessionOptions,
  options: Omit<RunWorkflowOptions, 'journal' | 'humanAnswers' | 'pendingHumanInput' | 'activeMsBefore'> = {},
): Promise<RunResult> {
  const { handle } = session;
  try {
    const before = await handle.read();
    await handle.update({ status: 'running' });
    const started = Date.now();
    const tally = { inputTokens: 0, outputTokens: 0, invocations: 0 };
    const activeMs = (): number => before.activeMs + (Date.now() - started);
    try {
      const result = await runWorkflow(loaded, {
        ...options,
        journal: handle.journal,
        humanAnswers: session.humanAnswers,
        pendingHumanInput: before.pending,
        activeMsBefore: before.activeMs,
        onEvent: (event) => {
          if (event.type === 'usage') {
            tally.inputTokens = event.total.inputTokens;
            tally.outputTokens = event.total.outputTokens;
          } else if (event.type === 'step-end' && event.ok) tally.invocations += 1;
          options.onEvent?.(event);
        },
      });
      await handle.update({
        status: 'completed',
        usage: { inputTokens: result.usage.inputTokens, outputTokens: result.usage.outputTokens },
        invocations: tally.invocations,
        activeMs: activeMs(),
        pending: [],
        artifacts: result.artifacts,
        error: undefined,
      });
      return result;
    } catch (error) {
      const progress = {
        usage: { inputTokens: tally.inputTokens, outputTokens: tally.outputTokens },
        invocations: tally.invocations,
        activeMs: activeMs(),
      };
      if (RunPausedError.isInstance(error)) {
        await handle.update({ ...progress, status: 'paused', pending: error.pending, error: undefined });
        throw new RunPausedError(error.pending, handle.id);
      }
      if (InvalidHumanAnswerError.isInstance(error)) {
        // The refused answer was not recorded: the same questions still wait for a valid one.
        await handle.update({ ...progress, status: 'paused', pending: before.pending, error: undefined });
        throw error;
      }
      await handle.update({
        ...progress,
        status: RunCancelledError.isInstance(error) ? 'interrupted' : 'failed',
        error: {
          message: error instanceof Error ? error.message : String(error),
          exitCode: StrandsError.isInstance(error) ? error.exitCode : 70,
        },
      });
      throw error;
    }
  } finally {
    await handle.release();
  }
}

/** True when a session can be resumed (anything but a completed run). */
export function isResumable(record: SessionRecordV1): boolean {
  return record.status !== 'completed';
}
