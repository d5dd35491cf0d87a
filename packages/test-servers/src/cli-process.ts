import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

/**
 * The built `strands` entry point, run as a user would run it. Found by its place in the workspace
 * (this file runs from `src/` or `dist/`, one level below this package) rather than by package name:
 * declaring the CLI a dependency would make every provider's tests wait on the CLI's build, and the CLI
 * lists the providers as peers, which would close a cycle.
 */
export const strandsBin = fileURLToPath(new URL('../../cli/bin/strands.js', import.meta.url));

let sessionsDir: string | undefined;

/** A temporary folder for the sessions of this test process's CLI runs, made on first use. */
export function testSessionsDir(): string {
  sessionsDir ??= mkdtempSync(join(tmpdir(), 'strands-e2e-sessions-'));
  return sessionsDir;
}

/** What a finished CLI process left behind. */
export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options for {@link runCli}. */
export interface RunCliOptions {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Milliseconds before the process is killed (the test then fails on `signal`). */
  readonly timeoutMs?: number;
  /** Called once the process is running, e.g. to send it a signal. */
  readonly onSpawn?: (child: ChildProcess) => void;
}

/**
 * Runs the built CLI in its own process with a clean environment (no inherited API keys or endpoints)
 * and resolves when it exits by itself.
 */
export function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliRun> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    NO_COLOR: '1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    // Runs keep sessions by default: a test's belong in a temporary folder, not the user's data folder.
    STRANDS_SESSIONS_DIR: testSessionsDir(),
  };
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value !== undefined) env[key] = value;
  }
  const child = spawn(process.execPath, [strandsBin, ...args], { cwd: options.cwd, env, stdio: 'pipe' });
  const run = collectOutput(child);
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
  options.onSpawn?.(child);
  return run.finally(() => clearTimeout(timer));
}

/** A child process whose stdout and stderr are pipes (spawned with `stdio` `pipe` for both). */
export type PipedChild = ChildProcess & { readonly stdout: Readable; readonly stderr: Readable };

/**
 * Collects everything `child` writes to stdout and stderr (as UTF-8) and resolves with it and the exit
 * code or signal once the process has closed; rejects when it could not be spawned.
 */
export function collectOutput(child: PipedChild): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
