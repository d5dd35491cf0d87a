import type { ExecutorV1 } from '@strands-cli/core/spec';

/** Where a command reads and writes: the real process by default, buffers in tests. */
export interface CliIO {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  /** Whether a person is at the keyboard: questions are asked only on a TTY. */
  readonly stdin?: { readonly isTTY?: boolean };
  /** Asks a question on the terminal and resolves to the line typed (used only when stdin is a TTY). */
  readonly ask?: (question: string) => Promise<string>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Registers SIGINT/SIGTERM handling for a run; returns a function that removes it. */
  readonly onInterrupt?: (handler: (signal: 'SIGINT' | 'SIGTERM') => void) => () => void;
  /**
   * Executors compiled into this program (the bundled CLI's built-in ones), handed to the plugin
   * loader as instances; the others are loaded by package name.
   */
  readonly executors?: Readonly<Record<string, ExecutorV1<unknown>>>;
}

/** The real process. */
export function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    ask: askOnTerminal,
    env: process.env,
    cwd: process.cwd(),
    onInterrupt(handler) {
      const onSigint = () => handler('SIGINT');
      const onSigterm = () => handler('SIGTERM');
      process.on('SIGINT', onSigint);
      process.on('SIGTERM', onSigterm);
      return () => {
        process.off('SIGINT', onSigint);
        process.off('SIGTERM', onSigterm);
      };
    },
  };
}

/** True when colour may be used on this stream (a TTY, and no NO_COLOR). */
export function colorEnabled(io: CliIO, stream: 'stdout' | 'stderr'): boolean {
  return Boolean(io[stream].isTTY) && io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb';
}

/** Reads one line from the terminal after printing `question` on stderr (stdout carries results). */
async function askOnTerminal(question: string): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await terminal.question(question);
  } finally {
    terminal.close();
  }
}
