import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoopbackServer } from '@strands-cli/test-servers';
import { type CliRun, runCli } from '@strands-cli/test-servers/cli-process';
import { parse, stringify } from 'yaml';
import { type ProviderTarget, providerTarget, providerTargets } from './providers/provider-targets.js';

export type { ProviderTarget };
export { providerTarget, providerTargets };

/** A spec written for one provider into a fresh folder, with an empty `out` folder beside it. */
export interface PreparedSpec {
  readonly dir: string;
  readonly spec: string;
  readonly out: string;
}

/** The path of a fixture under `tests-e2e/fixtures/reliability/`. */
export function reliabilityFixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/reliability/${name}.yaml`, import.meta.url));
}

/** A parsed spec document, for tests that edit one before running it. */
export type SpecDocument = Record<string, unknown> & { runtime: Record<string, unknown> };

/**
 * Writes fixture `name` for `target` (provider and model swapped in) to a temporary folder, after
 * `edit` has changed the parsed document (if given).
 */
export async function prepareSpec(
  name: string,
  target: ProviderTarget,
  edit?: (document: SpecDocument) => void,
): Promise<PreparedSpec> {
  const document = parse(await readFile(reliabilityFixture(name), 'utf8')) as SpecDocument;
  document.runtime = { ...document.runtime, ...target.runtime };
  edit?.(document);
  return writeSpecDocument(document);
}

/** Writes a spec document to a temporary folder (see {@link prepareSpec}). */
export async function writeSpecDocument(document: unknown): Promise<PreparedSpec> {
  const dir = await mkdtemp(join(tmpdir(), 'strands-e2e-reliability-'));
  const spec = join(dir, 'workflow.yaml');
  await writeFile(spec, stringify(document, { lineWidth: 0 }));
  return { dir, spec, out: join(dir, 'out') };
}

/** Options of {@link runPrepared}. */
export interface RunPreparedOptions {
  readonly flags?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly onSpawn?: (child: ChildProcess) => void;
  readonly timeoutMs?: number;
}

/** Runs `strands run <spec> --out <out>` against `server` with the target's environment. */
export function runPrepared(
  prepared: PreparedSpec,
  target: ProviderTarget,
  server: LoopbackServer,
  options: RunPreparedOptions = {},
): Promise<CliRun> {
  return runCli(['run', prepared.spec, '--out', prepared.out, ...(options.flags ?? [])], {
    cwd: prepared.dir,
    env: { ...target.env(server), ...options.env },
    ...(options.onSpawn ? { onSpawn: options.onSpawn } : {}),
    timeoutMs: options.timeoutMs ?? 20_000,
  });
}

/** Every file under `dir` (relative paths), or `[]` when it does not exist. */
export async function filesUnder(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => !entry.isDirectory())
      .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The `--json` document of a run. */
export interface RunDocument {
  readonly ok: boolean;
  readonly exitCode?: number;
  readonly response?: string;
  readonly artifacts?: readonly string[];
  readonly steps?: ReadonlyArray<{ readonly label: string; readonly response: string }>;
  readonly counts?: { readonly requests: number; readonly retries: number; readonly invocations: number };
  /** Peak resident memory of the process. */
  readonly maxRssBytes?: number;
  readonly error?: { readonly name?: string; readonly message: string; readonly hint?: string };
}

/** Parses the `--json` document a run printed on stdout. */
export function runDocument(run: CliRun): RunDocument {
  return JSON.parse(run.stdout) as RunDocument;
}

/** Sends `signal` to the child once `ready()` holds (polled), e.g. when requests are in flight. */
export function signalWhen(signal: NodeJS.Signals, ready: () => boolean): (child: ChildProcess) => void {
  return (child) => {
    const poll = setInterval(() => {
      if (ready()) {
        clearInterval(poll);
        child.kill(signal);
      }
    }, 10);
    child.on('exit', () => clearInterval(poll));
  };
}
