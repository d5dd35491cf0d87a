import type { BudgetKind } from '../spec/v1/errors.js';
import type { StepRefV1 } from '../spec/v1/executor-v1.js';
import type { FinishReasonV1, UsageV1 } from '../spec/v1/model-provider-v1.js';
import type { JournalEvent } from './journal/journal-events.js';

export type * from './journal/journal-events.js';

/** Fields every event carries. */
interface EventBase {
  /** Milliseconds since the run started (from the run's clock). */
  readonly elapsedMs: number;
}

/** Fields of events that belong to one agent invocation. */
interface InvocationEventBase extends EventBase {
  readonly step: StepRefV1;
  readonly agentId: string;
  /** 1-based number of the invocation in the run (what `max_steps` counts). */
  readonly invocation: number;
}

/** The run began (after the spec was loaded and the plugins resolved). */
export interface RunStartEvent extends EventBase {
  readonly type: 'run-start';
  readonly name: string;
  readonly pattern: string;
  readonly maxParallel: number;
}
/** The run finished, successfully or not. Always the last event. */
export interface RunEndEvent extends EventBase {
  readonly type: 'run-end';
  readonly ok: boolean;
  readonly usage: UsageV1;
  readonly artifacts: readonly string[];
  /** The error message when `ok` is false. */
  readonly error?: string;
}
/** An agent invocation (chain step, task, branch step, reduce, router call) began. */
export interface StepStartEvent extends InvocationEventBase {
  readonly type: 'step-start';
  /**
   * The rendered user message, for observers that show a step's input (the run report). Redacted of
   * the run's secrets like every event text; never sent anywhere by the core.
   */
  readonly input?: string;
}
/** An agent invocation ended. */
export interface StepEndEvent extends InvocationEventBase {
  readonly type: 'step-end';
  readonly ok: boolean;
  readonly durationMs: number;
  readonly usage: UsageV1;
  readonly error?: string;
  /** The invocation's final answer when `ok` (redacted of the run's secrets), for the run report. */
  readonly output?: string;
  /**
   * True when the invocation stopped because it was cancelled (the run was interrupted, or a
   * sibling branch failed) rather than because it failed itself.
   */
  readonly cancelled?: boolean;
  /** True when the invocation was answered from the run's journal (a resumed run): no model call. */
  readonly replayed?: boolean;
}
/** A model request is about to be sent (after the concurrency slot was granted). */
export interface ModelRequestEvent extends InvocationEventBase {
  readonly type: 'model-request';
  readonly providerId: string;
  readonly modelId: string;
  /** 1-based model turn within the invocation. */
  readonly turn: number;
  /** 1-based attempt of this turn (2+ after retries). */
  readonly attempt: number;
}
/** A tool call began. */
export interface ToolStartEvent extends InvocationEventBase {
  readonly type: 'tool-start';
  readonly tool: string;
  readonly callId: string;
  /**
   * The arguments the model passed (redacted of the run's secrets), for observers that capture
   * content when the user opted in (traces). Never sent anywhere by the core.
   */
  readonly arguments?: unknown;
}
/** A tool call ended. A failed call is still a result the model sees. */
export interface ToolEndEvent extends InvocationEventBase {
  readonly type: 'tool-end';
  readonly tool: string;
  readonly callId: string;
  readonly ok: boolean;
  readonly durationMs: number;
  /** The text the model sees as the result (redacted of the run's secrets), for content capture. */
  readonly result?: string;
}
/** A model request failed with a retryable error and will be retried after `delayMs`. */
export interface RetryEvent extends InvocationEventBase {
  readonly type: 'retry';
  readonly providerId: string;
  /** The attempt that failed (1-based). */
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly delayMs: number;
  readonly error: string;
}
/** Tokens reported for one model turn, and the run's total so far. */
export interface UsageEvent extends InvocationEventBase {
  readonly type: 'usage';
  readonly usage: UsageV1;
  readonly total: UsageV1;
  /** True when the provider reported no usage and the core estimated it. */
  readonly estimated: boolean;
  /** Why the model stopped this turn, so traces can show it. */
  readonly finishReason?: FinishReasonV1;
}
/** An invocation's conversation outgrew `context_policy.compaction.when_tokens_over`: older messages were summarised. */
export interface CompactionEvent extends InvocationEventBase {
  readonly type: 'compaction';
  /** The turn about to be sent with the compacted conversation. */
  readonly turn: number;
  /** The conversation's size that triggered it (provider-reported where possible, else estimated). */
  readonly tokens: number;
  readonly threshold: number;
  /** Messages replaced by the summary. */
  readonly summarized: number;
  /** Recent messages kept as they were. */
  readonly kept: number;
  /** The model that wrote the summary. */
  readonly modelId: string;
}
/** A budget crossed its warning threshold (once per budget and run). */
export interface BudgetWarningEvent extends EventBase {
  readonly type: 'budget-warning';
  readonly budget: BudgetKind;
  readonly limit: number;
  readonly used: number;
  readonly threshold: number;
}
/** Streamed model text (only for invocations that asked to stream). */
export interface TextDeltaEvent extends InvocationEventBase {
  readonly type: 'text-delta';
  readonly text: string;
}
/** An agent was built (AgentCache miss). */
export interface AgentBuildEvent extends EventBase {
  readonly type: 'agent-build';
  readonly agentId: string;
  readonly tools: readonly string[];
  readonly providerId: string;
  readonly modelId: string;
}
/** A cached agent was reused (AgentCache hit). */
export interface AgentReuseEvent extends EventBase {
  readonly type: 'agent-reuse';
  readonly agentId: string;
}
/** A provider client was created and added to the process-wide pool. */
export interface ClientCreateEvent extends EventBase {
  readonly type: 'client-create';
  readonly providerId: string;
  readonly transportKey: string;
}
/** A pooled provider client was reused. */
export interface ClientReuseEvent extends EventBase {
  readonly type: 'client-reuse';
  readonly providerId: string;
  readonly transportKey: string;
}
/** An artifact file was written. */
export interface ArtifactWriteEvent extends EventBase {
  readonly type: 'artifact-write';
  readonly path: string;
}
/** An `optional: true` MCP server could not start; the run goes on without its tools. */
export interface McpServerSkipEvent extends EventBase {
  readonly type: 'mcp-server-skip';
  readonly serverId: string;
  readonly reason: string;
}

/** Everything a run reports while it runs, as a discriminated union on `type`. */
export type RunEvent =
  | RunStartEvent
  | RunEndEvent
  | StepStartEvent
  | StepEndEvent
  | ModelRequestEvent
  | ToolStartEvent
  | ToolEndEvent
  | RetryEvent
  | UsageEvent
  | CompactionEvent
  | BudgetWarningEvent
  | TextDeltaEvent
  | AgentBuildEvent
  | AgentReuseEvent
  | ClientCreateEvent
  | ClientReuseEvent
  | ArtifactWriteEvent
  | McpServerSkipEvent
  | JournalEvent;

/** The `type` names of {@link RunEvent}. */
export type RunEventType = RunEvent['type'];

/** Receives events. Exceptions it throws are swallowed so that a broken listener never breaks a run. */
export type RunEventListener = (event: RunEvent) => void;

/** A distributive Omit that keeps the union discriminated. */
type WithoutElapsed<T> = T extends RunEvent ? Omit<T, 'elapsedMs'> : never;

/** An event as emitters build it; the emitter stamps `elapsedMs`. */
export type RunEventInput = WithoutElapsed<RunEvent>;

/** Builds the run's `emit` function: stamps the time and isolates listener failures. */
export function createEmitter(
  listener: RunEventListener | undefined,
  elapsedMs: () => number,
): (event: RunEventInput) => void {
  if (!listener) return () => undefined;
  return (event) => {
    try {
      listener({ ...event, elapsedMs: elapsedMs() } as RunEvent);
    } catch {
      // A progress display must never fail the run it displays.
    }
  };
}
