import { GenAi, Operation, Strands } from '../gen-ai-names.js';
import type { AttributeValue } from '../span-record.js';
import type { TraceDocument, TraceSpanJson } from '../trace-document.js';

/** How an invocation (or a graph node) ended, as the report colours it. */
export type Outcome = 'ok' | 'failed' | 'cancelled' | 'replayed' | 'paused' | 'unfinished' | 'not-run';

/** One tool call of an invocation. */
export interface ToolCallRow {
  readonly name: string;
  readonly ok: boolean;
  readonly durationMs: number;
}

/** One agent invocation (`invoke_agent` span) with what the timeline and the I/O sections show. */
export interface InvocationRow {
  readonly spanId: string;
  /** `strands.invocation` of its step span: the key of its input and output. */
  readonly invocation: number | undefined;
  /** The step's label (`task 'collect'`, `step 2`, `node 'review'`). */
  readonly label: string;
  readonly kind: string;
  readonly pointer: string;
  readonly occurrence: string | undefined;
  readonly agent: string;
  readonly model: string;
  /** Milliseconds from the start of the run. */
  readonly startMs: number;
  readonly endMs: number;
  /** From the invocation's start to its first model request: waiting for a concurrency slot. */
  readonly queueMs: number;
  /** Model requests, from the request to the answer, retries and their waits included. */
  readonly modelSegments: readonly { readonly startMs: number; readonly endMs: number }[];
  readonly modelMs: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly retries: readonly string[];
  readonly tools: readonly ToolCallRow[];
  readonly outcome: Outcome;
  readonly error: string | undefined;
}

/** The run as a whole. */
export interface RunSummary {
  readonly name: string;
  readonly pattern: string;
  readonly outcome: Outcome;
  readonly error: string | undefined;
  readonly startedAt: string | undefined;
  readonly durationMs: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly evicted: number;
  /** Run-level events (pauses, resumes, budget warnings), in order. */
  readonly events: readonly { readonly name: string; readonly atMs: number; readonly detail: string }[];
}

/** The trace read into what the report draws. */
export interface ReportModel {
  readonly summary: RunSummary;
  /** Every invocation, in the order it started. */
  readonly rows: readonly InvocationRow[];
}

/**
 * Reads a trace document into rows, one per `invoke_agent` span. A document whose oldest spans were
 * evicted (the span limit) still reads: the run's start is then its earliest kept span.
 */
export function reportModel(trace: TraceDocument): ReportModel {
  const spans = trace.spans;
  const byId = new Map(spans.map((span) => [span.span_id, span]));
  const children = new Map<string, TraceSpanJson[]>();
  for (const span of spans) {
    if (span.parent_span_id === null) continue;
    const list = children.get(span.parent_span_id) ?? [];
    list.push(span);
    children.set(span.parent_span_id, list);
  }
  const root = spans.find((span) => span.parent_span_id === null && operation(span) === Operation.workflow);
  const origin = root
    ? time(root.start_time)
    : spans.length > 0
      ? Math.min(...spans.map((span) => time(span.start_time)))
      : 0;
  const lastEnd = Math.max(origin, ...spans.map((span) => time(span.end_time ?? span.start_time)));
  const rows: InvocationRow[] = [];
  for (const agent of spans) {
    if (operation(agent) !== Operation.agent) continue;
    const unit = agent.parent_span_id === null ? undefined : byId.get(agent.parent_span_id);
    rows.push(invocationRow(agent, unit, children.get(agent.span_id) ?? [], origin, lastEnd));
  }
  rows.sort((a, b) => a.startMs - b.startMs);
  const error = root?.status.status_code === 'ERROR' ? root.status.description : undefined;
  return {
    summary: {
      name: trace.spec_name,
      pattern: trace.pattern,
      outcome: runOutcome(root, rows),
      error,
      startedAt: root?.start_time ?? spans[0]?.start_time,
      durationMs: root?.duration_ms ?? lastEnd - origin,
      inputTokens: numberOf(root?.attributes[GenAi.inputTokens]) ?? sum(rows, (row) => row.inputTokens),
      outputTokens: numberOf(root?.attributes[GenAi.outputTokens]) ?? sum(rows, (row) => row.outputTokens),
      evicted: trace.evicted_count,
      events: (root?.events ?? []).map((event) => ({
        name: event.name,
        atMs: time(event.timestamp) - origin,
        detail: Object.entries(event.attributes)
          .map(([key, value]) => `${key}=${String(value)}`)
          .join(' '),
      })),
    },
    rows,
  };
}

function invocationRow(
  agent: TraceSpanJson,
  unit: TraceSpanJson | undefined,
  children: readonly TraceSpanJson[],
  origin: number,
  lastEnd: number,
): InvocationRow {
  const startMs = time(agent.start_time) - origin;
  const endMs = time(agent.end_time ?? new Date(lastEnd).toISOString()) - origin;
  const chats = children.filter((span) => operation(span) === Operation.chat);
  const tools = children.filter((span) => operation(span) === Operation.tool);
  const modelSegments = chats.map((chat) => ({
    startMs: time(chat.start_time) - origin,
    endMs: time(chat.end_time ?? new Date(lastEnd).toISOString()) - origin,
  }));
  const firstRequest = modelSegments.length > 0 ? Math.min(...modelSegments.map((s) => s.startMs)) : startMs;
  const attributes = { ...unit?.attributes, ...agent.attributes };
  const invocation = numberOf(unit?.attributes[Strands.invocation]);
  const occurrence = unit?.attributes[Strands.stepOccurrence];
  const status =
    agent.status.status_code === 'ERROR' ? agent : unit?.status.status_code === 'ERROR' ? unit : agent;
  return {
    spanId: agent.span_id,
    invocation,
    label: unit?.name ?? agent.name,
    kind: String(attributes[Strands.stepKind] ?? 'step'),
    pointer: String(attributes[Strands.stepPointer] ?? ''),
    occurrence: occurrence === undefined ? undefined : String(occurrence),
    agent: String(agent.attributes[GenAi.agentName] ?? agent.name.replace(`${Operation.agent} `, '')),
    model: String(agent.attributes[GenAi.requestModel] ?? chats[0]?.attributes[GenAi.requestModel] ?? ''),
    startMs,
    endMs: Math.max(startMs, endMs),
    queueMs: Math.max(0, firstRequest - startMs),
    modelSegments,
    modelMs: sum(modelSegments, (segment) => segment.endMs - segment.startMs),
    inputTokens:
      numberOf(agent.attributes[GenAi.inputTokens]) ?? sum(chats, (c) => tokens(c, GenAi.inputTokens)),
    outputTokens:
      numberOf(agent.attributes[GenAi.outputTokens]) ?? sum(chats, (c) => tokens(c, GenAi.outputTokens)),
    retries: chats.flatMap((chat) =>
      chat.events
        .filter((event) => event.name === 'retry_attempt')
        .map((event) => String(event.attributes.error ?? '')),
    ),
    tools: tools.map((tool) => ({
      name: String(tool.attributes[GenAi.toolName] ?? tool.name),
      ok: tool.status.status_code !== 'ERROR',
      durationMs: tool.duration_ms ?? 0,
    })),
    outcome: spanOutcome(status, unit),
    error: status.status.status_code === 'ERROR' ? status.status.description : undefined,
  };
}

/** The run's outcome: its root span's, or `paused` when the run's last event is a pause for a person. */
function runOutcome(root: TraceSpanJson | undefined, rows: readonly InvocationRow[]): Outcome {
  if (!root) return rows.some((row) => row.outcome === 'failed') ? 'failed' : 'ok';
  if (root.events.at(-1)?.name === 'hitl_pause') return 'paused';
  return spanOutcome(root, undefined);
}

/** The outcome of a span, with its step span's flags (cancelled, replayed). */
function spanOutcome(span: TraceSpanJson, unit: TraceSpanJson | undefined): Outcome {
  if (span.end_time === null) return 'unfinished';
  if (unit?.attributes[Strands.cancelled] === true) return 'cancelled';
  if (span.status.status_code === 'ERROR') return 'failed';
  if (unit?.attributes[Strands.replayed] === true) return 'replayed';
  return 'ok';
}

function operation(span: TraceSpanJson): AttributeValue | undefined {
  return span.attributes[GenAi.operationName];
}

function time(iso: string): number {
  return Date.parse(iso);
}

function numberOf(value: AttributeValue | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function tokens(span: TraceSpanJson, key: string): number {
  return numberOf(span.attributes[key]) ?? 0;
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += value(item);
  return total;
}
