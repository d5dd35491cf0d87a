import { resolve } from 'node:path';
import { loadProvider, type PluginSources } from '../plugins/load-plugin.js';
import { effectiveProviderName } from '../runtime/effective-settings.js';
import type { RunWorkflowOptions } from '../runtime/run-types.js';
import { collectSecretValues } from '../secrets/run-secrets.js';
import { UsageError } from '../spec/v1/errors.js';
import type { ToolV1 } from '../spec/v1/tool-v1.js';
import type { WorkflowSpec } from '../spec-file/schema/workflow-spec.js';
import { readCassette } from './cassette-file.js';
import { createRecorder, type Recorder } from './recorder.js';
import { replayProviderPlugins } from './replay-provider-plugin.js';
import { createReplayer, type Replayer } from './replayer.js';

/** Options of {@link prepareRecordReplay}. */
export interface RecordReplayOptions {
  /** Cassette to write after a successful run (`--record`). */
  readonly record?: string;
  /** Cassette to answer from (`--replay`). */
  readonly replay?: string;
  /**
   * With `replay`: run tools for real instead of answering them from the cassette (`--live-tools`).
   * A cassette recorded before tool calls were recorded always runs its tools for real.
   */
  readonly liveTools?: boolean;
  /** The spec about to run: its provider names get replay stand-ins. */
  readonly spec: Readonly<WorkflowSpec>;
  /** Resolves relative cassette paths. @default process.cwd() */
  readonly cwd?: string;
  /**
   * The run's environment: the spec's secrets read from it (`env.secrets`, credential headers of HTTP
   * executors) and its credential-named variables never reach a cassette.
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * Where the run loads provider plugins from (default: `cwd`). When recording, each provider's default
   * model is noted in the cassette, so a replay resolves the same model ids without the package.
   */
  readonly sources?: PluginSources;
}

/** What a recorded or replayed run needs; see {@link prepareRecordReplay}. */
export interface RecordReplaySession {
  /** Spread into the options of `runWorkflow`. Empty when neither recording nor replaying. */
  readonly runOptions: Pick<RunWorkflowOptions, 'wrapProvider' | 'wrapTool' | 'providers'>;
  readonly recorder: Recorder | undefined;
  readonly replayer: Replayer | undefined;
  /**
   * Call after a successful run: writes the cassette when recording. Resolves to the cassette path
   * (if one was written), the number of calls it holds, and for a replay the entries left unanswered.
   */
  finish(): Promise<{ readonly written?: string; readonly calls: number; readonly unused: number }>;
}

/** Every provider name a spec's agents use. */
export function specProviderNames(spec: Readonly<WorkflowSpec>): string[] {
  return [...new Set(Object.values(spec.agents).map((agent) => effectiveProviderName(spec.runtime, agent)))];
}

/**
 * Sets up `--record` / `--replay` for one run. Recording wraps every provider client the run hands to
 * its agents; replaying replaces every provider the spec uses with a stand-in that answers from the
 * cassette, so no provider package is loaded, no credential read and no connection opened. Tool calls
 * are recorded too, and a replay answers them from the cassette (unless `liveTools`), so no tool runs.
 * @throws UsageError when both are asked for, or `liveTools` without `replay`; ArtifactError when the
 * replay cassette cannot be read.
 */
export async function prepareRecordReplay(options: RecordReplayOptions): Promise<RecordReplaySession> {
  const cwd = options.cwd ?? process.cwd();
  if (options.record !== undefined && options.replay !== undefined) {
    throw new UsageError('--record and --replay cannot be used together', {
      hint: 'Record once with --record FILE, then run with --replay FILE.',
    });
  }
  if (options.liveTools === true && options.replay === undefined) {
    throw new UsageError('--live-tools applies only to a replay', {
      hint: 'Use it with --replay FILE, or drop it: a live or recorded run always runs its tools.',
    });
  }
  if (options.replay !== undefined) {
    const path = resolve(cwd, options.replay);
    const replayer = createReplayer(await readCassette(path), { source: options.replay });
    const answerTools = replayer.recordsTools && options.liveTools !== true;
    return {
      runOptions: {
        providers: replayProviderPlugins(specProviderNames(options.spec), replayer),
        ...(answerTools ? { wrapTool: (tool: ToolV1) => replayer.tool(tool) } : {}),
      },
      recorder: undefined,
      replayer,
      finish: async () => ({
        calls: replayer.cassette.entries.length,
        unused: replayer.unusedEntries().length,
      }),
    };
  }
  if (options.record !== undefined) {
    const path = resolve(cwd, options.record);
    // The same secret list the run redacts its output with, so a cassette never holds what a terminal hides.
    const recorder = createRecorder({ secrets: collectSecretValues(options.spec, options.env ?? {}) });
    await describeProviders(recorder, options.spec, options.sources ?? { searchFrom: [cwd] });
    return {
      runOptions: {
        wrapProvider: (client, info) => recorder.wrap(client, { providerId: info.providerName }),
        wrapTool: (tool) => recorder.wrapTool(tool),
      },
      recorder,
      replayer: undefined,
      finish: async () => {
        await recorder.save(path);
        return { written: path, calls: recorder.cassette().entries.length, unused: 0 };
      },
    };
  }
  return {
    runOptions: {},
    recorder: undefined,
    replayer: undefined,
    finish: async () => ({ calls: 0, unused: 0 }),
  };
}

/** Notes each provider's default model, so a replay resolves the same model ids without the package. */
async function describeProviders(
  recorder: Recorder,
  spec: Readonly<WorkflowSpec>,
  sources: PluginSources,
): Promise<void> {
  for (const name of specProviderNames(spec)) {
    // A provider that cannot be loaded fails the run itself, with the install command; not here.
    const plugin = await loadProvider(name, sources).catch(() => undefined);
    if (plugin) recorder.describeProvider(name, { defaultModelId: plugin.defaultModelId });
  }
}
