import type { CliIO } from './io.js';

/** What a command's action needs from the program that runs it. */
export interface CommandContext {
  /** Where the command reads and writes (the process, or a buffer in tests). */
  readonly io: CliIO;
  /** Records the exit code the command ends with. */
  readonly setExitCode: (code: number) => void;
}

/** Collects repeated `--var key=value` options. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
