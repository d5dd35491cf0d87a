import { readFile } from 'node:fs/promises';
import type { RunResult } from '@strands-cli/core';
import { resolvePackageEntry } from '@strands-cli/core/loader';
import { ExitCode, StrandsError, UsageError } from '@strands-cli/core/spec';
import type { DurableAttempt, DurableEngine } from '@strands-cli/engine-dbos';
import type { CliIO } from '../io.js';
import { cliPackageDirectory } from '../plugins/plugin-sources.js';
import { hasHumanSteps } from './session-flags.js';

/** The package that runs specs on DBOS and PostgreSQL; an optional install. */
export const enginePackageName = '@strands-cli/engine-dbos';

const engineNotInstalledMarker = Symbol.for('strands-cli.error.EngineNotInstalledError');

/** `--database` was given but the engine package is not installed (exit 18). */
export class EngineNotInstalledError extends StrandsError {
  protected readonly [engineNotInstalledMarker] = true;

  /** True for an EngineNotInstalledError, even one thrown by another copy of the package. */
  static override isInstance(value: unknown): value is EngineNotInstalledError {
    return StrandsError.hasMarker(value, engineNotInstalledMarker);
  }

  constructor() {
    super(
      `Running on a database needs the package ${enginePackageName}, which is not installed`,
      ExitCode.unsupported,
      {
        hint: `Install it with: pnpm add ${enginePackageName}   (or: npm install ${enginePackageName}), or run without --database / STRANDS_DATABASE_URL.`,
      },
    );
    this.name = 'EngineNotInstalledError';
  }
}

type EngineModule = typeof import('@strands-cli/engine-dbos');

/** Loads the engine by name: from the working directory first, then beside the CLI. */
export async function loadEngine(io: CliIO): Promise<EngineModule> {
  const entry = resolvePackageEntry(enginePackageName, [io.cwd, cliPackageDirectory]);
  if (!entry) throw new EngineNotInstalledError();
  return (await import(entry)) as EngineModule;
}

/** What a durable run needs from `strands run`. */
export interface DatabaseRunRequest {
  readonly databaseUrl: string;
  readonly specFile: string;
  readonly specName: string;
  readonly patternConfig: unknown;
  readonly vars: readonly string[];
  readonly newRun: boolean;
  /** Runs the spec with the run's journal (the local run, with `journal` set). */
  readonly execute: (attempt: DurableAttempt) => Promise<RunResult>;
}

/**
 * Runs a spec as a durable run on DBOS and PostgreSQL: the spec's text and variables are the
 * workflow input, the journal lives in the database, and rerunning the same command after a crash
 * resumes the unfinished run (effects already journaled are not repeated). Returns the run's result
 * and its id; the engine is closed whatever happens, so the process exits by itself.
 */
export async function runOnDatabase(
  request: DatabaseRunRequest,
  io: CliIO,
): Promise<{ readonly result: RunResult; readonly runId: string }> {
  if (hasHumanSteps(request.patternConfig)) {
    throw new UsageError('Human-in-the-loop steps do not run on a database yet', {
      hint: 'Run this spec without --database (a local session pauses and resumes), see docs/scale-out.md.',
    });
  }
  const engineModule = await loadEngine(io);
  const specText = await readFile(request.specFile, 'utf8');
  let engine: DurableEngine | undefined;
  try {
    engine = await engineModule.openDbosEngine({
      databaseUrl: request.databaseUrl,
      onNote: (line) => io.stderr.write(`${line}\n`),
    });
    const outcome = await engine.run(
      { specText, specName: request.specName, vars: request.vars, newRun: request.newRun },
      request.execute,
    );
    return { result: outcome.value, runId: outcome.runId };
  } finally {
    await engine?.close();
  }
}
