import type { ZodType } from 'zod';
import type { HumanInputRequestV1 } from './journal-v1.js';
import type { UsageV1 } from './model-provider-v1.js';
import type { WorkflowSpec } from './workflow-spec-v1.js';

/** Identifies an invocation in events, errors and budgets: "step 2", "task 'collect'", "branch 'web' step 1". */
export interface StepRefV1 {
  /** What kind of unit it is. */
  readonly kind: 'step' | 'task' | 'branch-step' | 'reduce' | 'router' | 'route-step' | (string & {});
  /** Human label used in messages, e.g. `task 'collect'` or `branch 'web' step 2`. */
  readonly label: string;
  /** JSON pointer of the step in the spec, e.g. `/pattern/config/steps/1`. */
  readonly pointer: string;
  /**
   * Which time this pointer runs, when it can run more than once: a loop iteration, a graph node's
   * visit count, a worker index. With the pointer it forms the invocation's logical position in the
   * run's journal, so it must depend only on the run's inputs and earlier results, never on timing.
   * When absent, the core numbers the invocations of a pointer in the order they start, which is
   * deterministic only for invocations of that pointer that never run concurrently.
   */
  readonly occurrence?: number | string;
}

/** Ask the core to run one agent on one input: a fresh conversation (system prompt + input), with tools. */
export interface AgentInvocationV1 {
  readonly agentId: string;
  /** The rendered user message. */
  readonly input: string;
  /**
   * Tool ids replacing the agent's own for this call. `undefined` means the agent's tools; an empty
   * array means no tools.
   */
  readonly toolOverrides?: readonly string[];
  readonly step: StepRefV1;
  /** Cancels this invocation only (e.g. a failed sibling); the run's signal always applies too. */
  readonly signal?: AbortSignal;
  /**
   * Stream the model's text as it arrives (`text-delta` events) when the user asked for it
   * (`streamRequested`). Set it only for sequential work, so streamed text never interleaves.
   */
  readonly stream?: boolean;
}

/** The outcome of {@link ExecutorContextV1.invokeAgent}. */
export interface AgentResultV1 {
  /** The final assistant text. */
  readonly text: string;
  readonly agentId: string;
  /** Usage summed over every model turn of the invocation. */
  readonly usage: UsageV1;
  /** Model turns taken (1 + tool rounds). */
  readonly turns: number;
  readonly toolCalls: number;
  readonly durationMs: number;
  /**
   * The answer parsed as JSON, present when the agent declares an `output_schema` (the core has
   * checked it against the schema). Executors expose it to templates as the record's `json`.
   */
  readonly json?: unknown;
}

/**
 * What an executor gets to run a pattern. Everything cross-cutting (caching, retries, budgets, limits,
 * events, the journal) is applied by the core.
 *
 * **Determinism.** A resumed run runs the executor again from the start, and every effect already in
 * the run's journal (an invocation's model turns and tool calls, a human answer, a `journaled` value)
 * answers from it. An executor must therefore decide what to do only from its config, its variables
 * and the results these methods return: no `Date.now()`, `Math.random()`, environment reads or I/O in
 * control flow (use `journaled` for such values), and step references whose pointer and occurrence
 * identify the same work on every run. `testExecutor()` checks this by running a pattern twice over
 * one journal.
 */
export interface ExecutorContextV1<Config = unknown> {
  /** `pattern.config`, already validated by the executor's `configSchema`. */
  readonly config: Config;
  /** The whole validated spec, read-only. */
  readonly spec: Readonly<WorkflowSpec>;
  /** User variables: `inputs.values` with defaults, coerced `--var` values. Lowest precedence in templates. */
  readonly variables: Readonly<Record<string, unknown>>;
  /** The run-wide bound on concurrent model calls (`runtime.max_parallel`), already enforced by `invokeAgent`. */
  readonly maxParallel: number;
  /** Aborted when the run is cancelled (SIGINT/SIGTERM, budget, caller). */
  readonly signal: AbortSignal;
  /**
   * Runs an agent: cached build, tool loop, retries, budgets, events, cancellation, concurrency limit.
   * A failure rejects with a StepFailedError naming `request.step.label` and the agent
   * (`task 'x' (agent 'y') failed: ...`), carrying the cause's exit code and hint, so executors need
   * not wrap it. When the run stopped (cancellation, budget) it rejects with the run's reason, and when
   * `request.signal` aborted (a sibling failed) with the error unwrapped, so that the reason that
   * stopped everything is the one reported.
   */
  invokeAgent(request: AgentInvocationV1): Promise<AgentResultV1>;
  /**
   * Renders a template in the sandbox with `variables` overlaid by `scope`, strict about undefined
   * names. `undefined` renders as `''`. Throws a TemplateError naming `pointer`.
   */
  render(template: string | undefined, scope: Readonly<Record<string, unknown>>, pointer: string): string;
  /** True when `--stream` was asked for; executors pass it on only for sequential work. */
  readonly streamRequested: boolean;
  /**
   * Asks a person (a human-in-the-loop step) and resolves to the answer. The answer is a journaled
   * effect at the step's position: a resumed run gets it back without asking again. When no answer
   * is available (no terminal, no `onHumanInput`), the promise stays pending while the rest of the
   * run goes on; once nothing else can progress, the run pauses (every pending question is saved in
   * the session) and the promise rejects with a RunPausedError: let it propagate.
   */
  awaitHuman(request: HumanInputRequestV1): Promise<string>;
  /**
   * Computes a value once per logical position and journals it, so a resumed run sees the same value:
   * use it for a clock reading, a random choice or anything else outside the run's inputs that steers
   * control flow. `position` must be unique in the run and deterministic (e.g. `/pattern/config#seed`).
   * The value must be plain JSON.
   */
  journaled<T>(position: string, compute: () => T | Promise<T>): Promise<T>;
}

/** What an executor returns. */
export interface ExecutorResultV1 {
  /** The final response of the run. */
  readonly response: string;
  /** The agent that produced it (or a pseudo id such as `parallel`). */
  readonly agentId: string;
  /** The pattern's context for artifact templates, e.g. `{ steps }`, `{ tasks }`, `{ branches }`. */
  readonly context: Readonly<Record<string, unknown>>;
  /** Result variables, merged over the user's variables for artifacts (routing: `router`). */
  readonly variables?: Readonly<Record<string, unknown>>;
}

/** A template in `pattern.config` and the names its place can see, for `validate`'s static check. */
export interface TemplateSiteV1 {
  /** JSON pointer of the template string in the spec. */
  readonly pointer: string;
  readonly template: string;
  /**
   * Placeholder values of the names the pattern provides here (e.g. `steps` with only earlier steps,
   * `tasks` with only ancestors). The core adds the user's variables underneath.
   */
  readonly scope: Readonly<Record<string, unknown>>;
  /** What this place can see and why, shown with an undefined-name error (e.g. "only ancestors"). */
  readonly hint?: string;
}

/** A reference from `pattern.config` to something defined elsewhere in the spec. */
export interface ReferenceV1 {
  readonly id: string;
  readonly pointer: string;
}

/** A problem an executor finds in its own config (cycles, duplicate ids, empty routes). */
export interface AnalysisIssueV1 {
  readonly pointer: string;
  readonly message: string;
  readonly hint?: string;
  readonly code: string;
  /**
   * `error` (the default) makes `validate` fail and `run` refuse the spec; `warning` is shown by
   * `validate`, `explain` and `run` but lets the spec run (e.g. a choice the user may not expect).
   */
  readonly severity?: 'error' | 'warning';
}

/** A node of the plan drawing. */
export interface PlanNodeV1 {
  readonly id: string;
  readonly label: string;
  readonly agentId?: string;
  readonly shape?: 'box' | 'diamond' | 'round';
}

/** An edge of the plan drawing. */
export interface PlanEdgeV1 {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
}

/** Static facts about a pattern config: what `validate`, `plan` and `explain` need, without running anything. */
export interface AnalysisV1 {
  readonly agentReferences: readonly ReferenceV1[];
  readonly toolReferences: readonly ReferenceV1[];
  readonly templates: readonly TemplateSiteV1[];
  readonly issues: readonly AnalysisIssueV1[];
  readonly graph: { readonly nodes: readonly PlanNodeV1[]; readonly edges: readonly PlanEdgeV1[] };
  /**
   * Placeholder values of what the pattern adds to the artifact template context (e.g. `{ steps }`,
   * `{ tasks }`, routing's `router`), so `validate` can check `outputs.artifacts` templates. The core
   * adds `last_response`, `TRACE` and the user's variables. Omit it to skip the artifact check.
   */
  readonly artifactScope?: Readonly<Record<string, unknown>>;
}

/** An executor plugin: runs one `pattern.type`. */
export interface ExecutorV1<Config = unknown> {
  readonly kind: 'executor';
  readonly specificationVersion: 'v1';
  /** The `pattern.type` it runs. */
  readonly id: string;
  /** One line for `list-supported` and `plan`. */
  readonly description: string;
  /** The package version. */
  readonly version: string;
  /** Schema of `pattern.config` (strict: typos fail). */
  readonly configSchema: ZodType<Config>;
  /** Static analysis for validate/plan. Must not do I/O. */
  analyze(config: Config, spec: Readonly<WorkflowSpec>): AnalysisV1;
  /** Runs the pattern. */
  run(context: ExecutorContextV1<Config>): Promise<ExecutorResultV1>;
}
