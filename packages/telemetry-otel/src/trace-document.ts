import type { Attributes, SpanRecord } from './span-record.js';

/** Spans kept in the trace JSON when `STRANDS_MAX_TRACE_SPANS` does not say otherwise. */
export const defaultMaxTraceSpans = 1000;

/** One span of the trace JSON. */
export interface TraceSpanJson {
  readonly name: string;
  readonly span_id: string;
  readonly parent_span_id: string | null;
  /** ISO 8601. */
  readonly start_time: string;
  /** ISO 8601; null while the span is still open (`{{ TRACE }}` is rendered before the run ends). */
  readonly end_time: string | null;
  readonly duration_ms: number | null;
  readonly attributes: Attributes;
  readonly events: readonly {
    readonly name: string;
    readonly timestamp: string;
    readonly attributes: Attributes;
  }[];
  readonly status: { readonly status_code: string; readonly description?: string };
}

/** The `--trace` file and `{{ TRACE }}`: strands-cli's shape, plus span and parent ids. */
export interface TraceDocument {
  readonly trace_id: string | null;
  readonly spec_name: string;
  readonly pattern: string;
  readonly duration_ms: number;
  readonly span_count: number;
  /** Spans dropped, oldest first, to keep the document within the span limit. */
  readonly evicted_count: number;
  readonly spans: readonly TraceSpanJson[];
}

/** The span limit from `STRANDS_MAX_TRACE_SPANS` (a positive integer), else {@link defaultMaxTraceSpans}. */
export function maxTraceSpans(env: Readonly<Record<string, string | undefined>>): number {
  const value = Number(env.STRANDS_MAX_TRACE_SPANS);
  return Number.isInteger(value) && value > 0 ? value : defaultMaxTraceSpans;
}

/**
 * Builds the trace JSON from the recorded spans, keeping the newest `maxSpans` (first in, first out,
 * as strands-cli's collecting exporter did) so a 10 000-step run cannot grow the file without bound.
 */
export function traceDocument(
  spans: readonly SpanRecord[],
  options: {
    readonly specName: string;
    readonly pattern: string;
    readonly maxSpans: number;
    readonly now: number;
  },
): TraceDocument {
  const root = spans[0];
  const evicted = Math.max(0, spans.length - options.maxSpans);
  const kept = spans.slice(evicted);
  return {
    trace_id: root?.traceId ?? null,
    spec_name: options.specName,
    pattern: options.pattern,
    duration_ms: root ? (root.endTime ?? options.now) - root.startTime : 0,
    span_count: kept.length,
    evicted_count: evicted,
    spans: kept.map(spanJson),
  };
}

function spanJson(span: SpanRecord): TraceSpanJson {
  return {
    name: span.name,
    span_id: span.spanId,
    parent_span_id: span.parentSpanId ?? null,
    start_time: new Date(span.startTime).toISOString(),
    end_time: span.endTime === undefined ? null : new Date(span.endTime).toISOString(),
    duration_ms: span.endTime === undefined ? null : span.endTime - span.startTime,
    attributes: { ...span.attributes },
    events: span.events.map((event) => ({
      name: event.name,
      timestamp: new Date(event.time).toISOString(),
      attributes: { ...event.attributes },
    })),
    status: {
      status_code: span.status.code,
      ...(span.status.message === undefined ? {} : { description: span.status.message }),
    },
  };
}
