import { constants } from 'node:fs';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';

/** Limits of one Python run. */
export interface PythonRunLimits {
  readonly timeoutMs: number;
  readonly memoryBytes: number;
  /** Bytes kept of stdout, and separately of stderr. */
  readonly outputBytes: number;
}

/** How one Python run ended. */
export interface PythonRunResult {
  readonly stdout: string;
  readonly stderr: string;
  /** The exit code, or null when the process was killed. */
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  /** True when stdout or stderr was longer than the limit and was cut. */
  readonly truncated: boolean;
}

/** The interpreter was not found: the tool tells the model (and the user) plainly. */
export class PythonNotFoundError extends Error {
  override readonly name = 'PythonNotFoundError';
  constructor(readonly command: string) {
    super(`python_exec needs '${command}', which was not found on PATH; install Python 3 to use this tool`);
  }
}

/** Finds `command` (a name looked up on PATH, or a path) as an executable file. */
export async function findExecutable(command: string, path = process.env.PATH ?? ''): Promise<string> {
  const candidates =
    isAbsolute(command) || command.includes('/')
      ? [command]
      : path
          .split(delimiter)
          .filter(Boolean)
          .map((folder) => join(folder, command));
  for (const candidate of candidates) {
    const usable = await access(candidate, constants.X_OK).then(
      () => true,
      () => false,
    );
    if (usable) return candidate;
  }
  throw new PythonNotFoundError(command);
}

/**
 * Runs before the model's code, in the child: hard limits (soft = hard, so the code cannot raise them
 * back) on address space, CPU seconds, file size and core dumps, then the code from main.py.
 */
function preamble(limits: PythonRunLimits): string {
  const cpuSeconds = Math.ceil(limits.timeoutMs / 1000) + 1;
  return [
    'import resource as _r',
    'def _limit(kind, value):',
    '    _soft, hard = _r.getrlimit(kind)',
    '    value = value if hard == _r.RLIM_INFINITY else min(value, hard)',
    '    _r.setrlimit(kind, (value, value))',
    `_limit(_r.RLIMIT_AS, ${limits.memoryBytes})`,
    `_limit(_r.RLIMIT_CPU, ${cpuSeconds})`,
    '_limit(_r.RLIMIT_FSIZE, 16 * 1024 * 1024)',
    '_limit(_r.RLIMIT_CORE, 0)',
    'del _limit, _r',
    "with open('main.py', encoding='utf-8') as _f: _code = compile(_f.read(), 'main.py', 'exec')",
    'del _f',
    "exec(_code, {'__name__': '__main__'})",
  ].join('\n');
}

class Capped {
  #chunks: Buffer[] = [];
  #size = 0;
  truncated = false;
  constructor(private readonly limit: number) {}
  add(chunk: Buffer): void {
    const room = this.limit - this.#size;
    if (chunk.length > room) this.truncated = true;
    if (room <= 0) return;
    const kept = chunk.subarray(0, room);
    this.#chunks.push(kept);
    this.#size += kept.length;
  }
  text(): string {
    return Buffer.concat(this.#chunks)
      .toString('utf8')
      .replace(/\uFFFD$/, '');
  }
}

/**
 * Runs `code` with `python3 -I` (no user site, no PYTHON* variables) in a child process: an empty
 * environment, a fresh temporary working directory deleted afterwards, the limits of
 * {@link PythonRunLimits}, and the whole process group killed at the timeout or on abort.
 */
export async function runPython(
  code: string,
  options: { command: string; limits: PythonRunLimits; signal: AbortSignal },
): Promise<PythonRunResult> {
  const executable = await findExecutable(options.command);
  const folder = await mkdtemp(join(tmpdir(), 'strands-python-'));
  try {
    await writeFile(join(folder, 'main.py'), code, { mode: 0o600 });
    return await new Promise<PythonRunResult>((resolve, reject) => {
      // Loaded here: a run that never executes code should not pay for node:child_process at start-up.
      const { spawn } = process.getBuiltinModule('node:child_process');
      const child = spawn(executable, ['-I', '-c', preamble(options.limits)], {
        cwd: folder,
        env: {},
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group, so the kill reaches anything the code started too.
        detached: true,
      });
      const stdout = new Capped(options.limits.outputBytes);
      const stderr = new Capped(options.limits.outputBytes);
      let timedOut = false;
      const kill = () => {
        try {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      };
      const timer = setTimeout(() => {
        timedOut = true;
        kill();
      }, options.limits.timeoutMs);
      const onAbort = () => kill();
      options.signal.addEventListener('abort', onAbort, { once: true });
      child.stdout.on('data', (chunk: Buffer) => stdout.add(chunk));
      child.stderr.on('data', (chunk: Buffer) => stderr.add(chunk));
      child.on('error', (error) => {
        clearTimeout(timer);
        options.signal.removeEventListener('abort', onAbort);
        reject(error);
      });
      child.on('close', (exitCode, signal) => {
        clearTimeout(timer);
        options.signal.removeEventListener('abort', onAbort);
        resolve({
          stdout: stdout.text(),
          stderr: stderr.text(),
          exitCode,
          signal,
          timedOut,
          truncated: stdout.truncated || stderr.truncated,
        });
      });
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
