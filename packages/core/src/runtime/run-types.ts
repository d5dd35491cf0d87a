import type { ExecutorV1, StepRefV1 } from '../spec/v1/executor-v1.js';
import type { JournalStoreV1, PendingHumanInputV1 } from '../spec/v1/journal-v1.js';
import type { ModelProviderPluginV1, TransportTimeoutsV1, UsageV1 } from '../spec/v1/model-provider-v1.js';
import type { RequestGateV1 } from '../spec/v1/request-gate-v1.js';
import type { RunTools, RunToolsOptions } from '../tools/run-tools.js';
import type { WrapProvider, WrapTool } from './agent-cache.js';
import type { ClientPool } from './client-pool.js';
import type { Clock } from './clock.js';
import type { HumanInputHandler } from './journal/human-inputs.js';
import type { JournalCounts } from './journal/run-journal.js';
import type { ProviderCounts } from './run-counters.js';
import type { RunEventListener } from './run-events.js';

/** `runtime.max_parallel` when the spec does not set it: concurrent model requests per run. */
export const defaultMaxParallel = 8;

/** Provider transport timeouts unless the caller overrides them (a slow local model load needs minutes). */
export const defaultTransportTimeouts: TransportTimeoutsV1 = {
  connectMs: 10_000,
  headersMs: 300_000,
  bodyMs: 300_000,
};

/** Options of {@link runWorkflow}. Every one is optional. */
export interface RunWorkflowOptions {
  /**
   * `--var` values (`key=value` strings, or a record whose values may be numbers, booleans, lists or
   * objects), coerced to the declared input types; used when `runWorkflow` loads the spec itself.
   */
  readonly vars?: readonly string[] | Readonly<Record<string, unknown>>;
  /** Cancels the run: in-flight requests abort, everything closes, no artifact is written. */
  readonly signal?: AbortSignal;
  /** Provider plugins by the name the spec uses; they win over installed packages. */
  readonly providers?: Readonly<Record<string, ModelProviderPluginV1<unknown>>>;
  /** Executor plugins by `pattern.type`; they win over installed packages. */
  readonly executors?: Readonly<Record<string, ExecutorV1<unknown>>>;
  /** Receives every {@link RunEvent} in order. */
  readonly onEvent?: RunEventListener;
  /**
   * The text `{{ TRACE }}` renders to in `outputs.artifacts` (the trace JSON of the run so far),
   * asked for when the artifacts are rendered. Without it `{{ TRACE }}` is empty.
   */
  readonly traceForArtifacts?: () => string;
  /** Directory for `outputs.artifacts`. Without it no artifact is written (the CLI passes `./artifacts`). */
  readonly out?: string;
  /** Overwrite existing artifact files. */
  readonly force?: boolean;
  /** Environment for credentials, endpoints and tool secrets. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Working directory (file tools, relative paths). @default process.cwd() */
  readonly cwd?: string;
  /** Stream model text (`text-delta` events) for sequential steps. */
  readonly stream?: boolean;
  /** Let HTTP tools reach private addresses. @default env STRANDS_HTTP_ALLOW_PRIVATE === '1' */
  readonly allowPrivateNetwork?: boolean;
  /**
   * Provider endpoints (URLs; scheme, host and port are compared) the user approves to receive
   * credentials from `env` when the spec names them as `runtime.host` or an agent's `host`. Endpoints
   * in `STRANDS_ALLOWED_ENDPOINTS` and the providers' own variables (`OPENAI_BASE_URL`, ...) are
   * approved too, and so is loopback.
   */
  readonly allowedEndpoints?: readonly string[];
  /** Let the file_write tool write inside `cwd`. */
  readonly allowFileWrite?: boolean;
  /** Let the python_exec tool run Python code in a limited child process. */
  readonly allowCodeExec?: boolean;
  /** Model turns one invocation may take before it fails. @default 25 */
  readonly maxTurns?: number;
  /** Directories to resolve plugin packages from, after the spec's folder and `cwd`. */
  readonly searchFrom?: readonly string[];
  /**
   * Provider transport timeouts; they win over `STRANDS_REQUEST_TIMEOUT_S` / `STRANDS_CONNECT_TIMEOUT_S`
   * in `env`. @default connect 10 s, headers and body gaps 300 s
   */
  readonly timeouts?: Partial<TransportTimeoutsV1>;
  /**
   * Wraps the provider boundary. Called whenever a pooled client is handed to a newly built agent;
   * the agent then sends every model request through the returned client. This is the hook for
   * record/replay and tracing: return an object implementing `ModelProviderV1` that delegates to (or
   * replaces) `client`. Do not close `client` from the wrapper; the pool owns it.
   */
  readonly wrapProvider?: WrapProvider;
  /**
   * Wraps the tool boundary. Called for each tool of a newly built agent; the agent then calls the
   * returned tool. Record/replay uses it to record tool results and to answer them without running
   * the tools. Keep the name, description and input schema: the model is offered those.
   */
  readonly wrapTool?: WrapTool;
  /**
   * Creates the run's tool set instead of the built-in one (embedding custom tools, tests). The run
   * closes it when it ends. @default createRunTools
   */
  readonly createTools?: (options: RunToolsOptions) => RunTools;
  /** The client pool. @default the process-wide pool (close it with `closeClientPool()`) */
  readonly clientPool?: ClientPool;
  /**
   * Admits model requests within `runtime.rate_limit`. @default one gate shared by the runs of this
   * process (a gate on the run's `clock` when a clock is given); `strands worker` and
   * `strands run --database` pass one that counts across every process on the database.
   */
  readonly requestGate?: RequestGateV1;
  /** Time source for retries, budgets and durations (tests pass a fake). */
  readonly clock?: Clock;
  /** Randomness for jittered backoff (tests pass a fixed one). */
  readonly random?: () => number;
  /**
   * The run's journal. Effects already recorded in it (model turns, tool calls, human answers) answer
   * from it without being done again, and new ones are appended: pass the store of an earlier,
   * unfinished attempt to resume it. Sessions (`runSession`) manage this for you.
   */
  readonly journal?: JournalStoreV1;
  /** Answers to questions an earlier attempt paused on, by journal position. */
  readonly humanAnswers?: Readonly<Record<string, string>>;
  /** The questions an earlier attempt paused on (when they were asked, so their timeouts apply). */
  readonly pendingHumanInput?: readonly PendingHumanInputV1[];
  /**
   * Answers human-in-the-loop questions as they come (a terminal prompt, a web form). Without it, a
   * question with no answer pauses the run: it rejects with a RunPausedError (exit 19).
   */
  readonly onHumanInput?: HumanInputHandler;
  /** Active milliseconds earlier attempts of this run used: `max_duration_s` counts them too. */
  readonly activeMsBefore?: number;
}

/** One agent invocation of a run, in completion order. */
export interface InvocationOutcome {
  readonly step: StepRefV1;
  readonly agentId: string;
  readonly text: string;
  readonly usage: UsageV1;
  readonly turns: number;
  readonly toolCalls: number;
  readonly durationMs: number;
  /** True when every model turn was answered from the journal (a resumed run): nothing was sent. */
  readonly replayed?: boolean;
  /** The answer parsed as JSON, for an agent that declares an `output_schema`. */
  readonly json?: unknown;
}

/** How much the run built, reused and sent: the proof of the performance plan. */
export interface RunCounts {
  readonly agentsBuilt: number;
  readonly agentsReused: number;
  readonly clientsCreated: number;
  readonly clientsReused: number;
  readonly invocations: number;
  /** Model requests sent (each retry attempt counts). */
  readonly requests: number;
  readonly retries: number;
  /** Requests and retries per provider id. */
  readonly providers: Readonly<Record<string, ProviderCounts>>;
}

/** What {@link runWorkflow} resolves to. */
export interface RunResult {
  readonly name: string;
  readonly pattern: string;
  /** The final response. */
  readonly response: string;
  /** The agent that produced it (or a pseudo id such as `parallel`). */
  readonly agentId: string;
  /** Every invocation's output, in completion order. */
  readonly steps: readonly InvocationOutcome[];
  /** The executor's context (`steps`, `tasks`, `branches`, ...), as artifacts saw it. */
  readonly context: Readonly<Record<string, unknown>>;
  /** User variables merged with the executor's result variables. */
  readonly variables: Readonly<Record<string, unknown>>;
  readonly usage: UsageV1 & { readonly totalTokens: number };
  readonly durationMs: number;
  /** ISO 8601 start time. */
  readonly startedAt: string;
  /** Absolute paths of the artifacts written. */
  readonly artifacts: readonly string[];
  readonly counts: RunCounts;
  /** What the journal answered and recorded (and where a resumed run diverged from it). */
  readonly journal: JournalCounts;
}
