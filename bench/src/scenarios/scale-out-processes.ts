import { type ChildProcess, spawn } from 'node:child_process';
import { strandsBin } from '@strands-cli/test-servers/cli-process';

/** A `strands` process the scale-out scenario started, and how to stop it. */
export interface StrandsProcess {
  readonly child: ChildProcess;
  /** Everything it wrote on stderr so far. */
  stderr(): string;
  /** Resolves with the exit code (or signal name) once it exited. */
  readonly exited: Promise<number | string>;
}

/** Starts `strands ...args` with `env` (a clean environment: nothing of this process's is inherited). */
export function startStrands(
  args: readonly string[],
  env: Record<string, string>,
  cwd: string,
): StrandsProcess {
  const child = spawn(process.execPath, [strandsBin, ...args], {
    cwd,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once('close', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return { child, stderr: () => stderr, exited };
}

/** Waits until `process` wrote `text` on stderr; fails when it exits first or after `timeoutMs`. */
export async function untilStderr(process: StrandsProcess, text: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let ended: number | string | undefined;
  void process.exited.then((code) => {
    ended = code;
  });
  while (!process.stderr().includes(text)) {
    if (ended !== undefined)
      throw new Error(`strands exited (${ended}) before "${text}":\n${process.stderr()}`);
    if (Date.now() > deadline) throw new Error(`no "${text}" after ${timeoutMs} ms:\n${process.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs `strands ...args` to its end; resolves with its wall time in ms, fails on a non-zero exit. */
export async function timeStrands(
  args: readonly string[],
  env: Record<string, string>,
  cwd: string,
): Promise<number> {
  const started = performance.now();
  const run = startStrands(args, env, cwd);
  const code = await run.exited;
  if (code !== 0) throw new Error(`strands ${args.join(' ')} exited ${code}:\n${run.stderr()}`);
  return performance.now() - started;
}
