import { Worker } from 'node:worker_threads';
import { runForcedExitHooks } from './interrupt-hooks.js';

/** Seconds a command gets to shut down gracefully after a signal before the process exits anyway. */
export const shutdownGraceEnv = 'STRANDS_SHUTDOWN_GRACE_S';

/** The grace when the environment sets none: enough to close connections and remove partial files. */
export const defaultShutdownGraceMs = 3000;

/** The exit code of an interrupted command (128 + SIGINT). */
const interruptedExitCode = 130;

/** What the command's thread tells the supervisor. */
export type WorkerReport = { readonly type: 'exit'; readonly code: number };

/** What the supervisor tells the command's thread. */
export type SupervisorMessage =
  | { readonly type: 'signal'; readonly signal: 'SIGINT' | 'SIGTERM' }
  | { readonly type: 'resize'; readonly stdoutColumns?: number; readonly stderrColumns?: number };

/** What the command's thread needs to know about the real process (a worker's stdio is not a TTY). */
export interface WorkerData {
  readonly argv: readonly string[];
  readonly bundle: string;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  /** The terminal's width, for the live display to fit its lines (undefined when not a TTY). */
  readonly stdoutColumns?: number;
  readonly stderrColumns?: number;
}

/**
 * Runs the command on a worker thread while this thread only watches for signals. JavaScript signal
 * handlers run on the thread that registered them, between tasks: a command blocked in synchronous
 * code (a runaway loop in a template or a tool) would never see Ctrl-C. This thread never blocks, so
 * it always can: the first SIGINT/SIGTERM asks the command to stop; if it has not finished within the
 * grace ({@link shutdownGraceEnv}), or a second signal arrives, the forced-exit hooks run and the
 * process exits 130, ending the worker wherever it is. Resolves to the command's exit code.
 */
export function supervise(workerURL: URL, data: WorkerData): Promise<number> {
  const graceMs = graceFrom(process.env[shutdownGraceEnv]);
  const worker = new Worker(workerURL, { workerData: data });
  let code: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  const forceExit = (): void => {
    runForcedExitHooks();
    process.exit(interruptedExitCode);
  };
  const onSignal = (signal: 'SIGINT' | 'SIGTERM'): void => {
    // A second signal: the user insists, so do not wait for the rest of the grace.
    if (timer) {
      forceExit();
      return;
    }
    worker.postMessage({ type: 'signal', signal } satisfies SupervisorMessage);
    timer = setTimeout(forceExit, graceMs);
  };
  const onSigint = () => onSignal('SIGINT');
  const onSigterm = () => onSignal('SIGTERM');
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  // A worker's stdio is a pipe with no width: the terminal's width and its changes are forwarded.
  const onResize = (): void => {
    worker.postMessage({
      type: 'resize',
      stdoutColumns: process.stdout.columns,
      stderrColumns: process.stderr.columns,
    } satisfies SupervisorMessage);
  };
  process.stdout.on('resize', onResize);
  process.stderr.on('resize', onResize);
  worker.on('message', (report: WorkerReport) => {
    if (report.type === 'exit') code = report.code;
  });
  return new Promise((resolve) => {
    const finish = (exitCode: number): void => {
      clearTimeout(timer);
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigterm);
      process.stdout.off('resize', onResize);
      process.stderr.off('resize', onResize);
      resolve(exitCode);
    };
    worker.on('error', (error) => {
      process.stderr.write(
        `error: internal failure: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      code ??= 70;
    });
    // A worker that ended without reporting crashed: an internal error, never success.
    worker.on('exit', () => finish(code ?? 70));
  });
}

function graceFrom(raw: string | undefined): number {
  const seconds = Number(raw);
  if (raw === undefined || raw.trim() === '' || !Number.isFinite(seconds) || seconds < 0) {
    return defaultShutdownGraceMs;
  }
  // A grace longer than a timer holds is as good as "wait for the command": cap it there.
  return Math.min(2 ** 31 - 1, Math.round(seconds * 1000));
}
