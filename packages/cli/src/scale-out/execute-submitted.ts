import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSpecText, runWorkflow } from '@strands-cli/core';
import { ExitCode, type JournalStoreV1, type RequestGateV1, StrandsError } from '@strands-cli/core/spec';
import type {
  ArtifactFileV1,
  PausedQuestionV1,
  QueuedRunInput,
  QueuedRunOutput,
} from '@strands-cli/engine-dbos';
import type { CliIO } from '../io.js';
import { pluginSources } from '../plugins/plugin-sources.js';
import { filesUnder } from './files-under.js';

/**
 * Runs a submitted spec on a worker: loads it from its text, runs it with the run's journal, and
 * renders its artifacts into a private temporary folder whose files are returned as text (artifacts
 * travel as the run's result, to be written on the submitting machine, never left on the worker).
 * Every failure becomes an output with the exit code a local run would have had.
 */
export async function executeSubmittedRun(
  input: QueuedRunInput,
  run: {
    readonly runId: string;
    readonly journal: JournalStoreV1;
    readonly signal?: AbortSignal;
    /** Counts `runtime.rate_limit` across every worker on the database. */
    readonly requestGate?: RequestGateV1;
    readonly askHuman?: (question: PausedQuestionV1) => Promise<string>;
  },
  io: CliIO,
): Promise<QueuedRunOutput> {
  const out = await mkdtemp(join(tmpdir(), 'strands-worker-'));
  try {
    const file = join(io.cwd, `${input.specName}.yaml`);
    const plugins = pluginSources(undefined, io);
    const loaded = await loadSpecText(input.specText, file, { vars: input.vars, env: io.env, plugins });
    if (loaded.capabilityIssues.length > 0) {
      return {
        ok: false,
        exitCode: ExitCode.unsupported,
        message: `${input.specName} uses features this version cannot run yet: ${loaded.capabilityIssues.map((issue) => issue.reason).join('; ')}`,
      };
    }
    const result = await runWorkflow(loaded, {
      journal: run.journal,
      ...(run.requestGate ? { requestGate: run.requestGate } : {}),
      ...(run.signal ? { signal: run.signal } : {}),
      ...(run.askHuman
        ? {
            onHumanInput: (request: PausedQuestionV1) =>
              (run.askHuman as NonNullable<typeof run.askHuman>)(request),
          }
        : {}),
      out,
      env: io.env,
      cwd: io.cwd,
      allowPrivateNetwork: io.env.STRANDS_HTTP_ALLOW_PRIVATE === '1',
      searchFrom: plugins.searchFrom,
      ...(plugins.executors ? { executors: plugins.executors } : {}),
    });
    const artifacts: ArtifactFileV1[] = [];
    for (const path of await filesUnder(out)) {
      artifacts.push({ path, content: await readFile(join(out, path), 'utf8') });
    }
    return {
      ok: true,
      response: result.response,
      artifacts,
      usage: { inputTokens: result.usage.inputTokens, outputTokens: result.usage.outputTokens },
    };
  } catch (error) {
    const strands = StrandsError.isInstance(error) ? error : undefined;
    return {
      ok: false,
      exitCode: strands?.exitCode ?? ExitCode.internal,
      message: error instanceof Error ? error.message : String(error),
      ...(strands?.hint ? { hint: strands.hint } : {}),
    };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
