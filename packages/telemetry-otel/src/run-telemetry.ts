import type { RunEvent } from '@strands-cli/core';
import { type ContentRedactor, createContentRedactor } from './content/content-redactor.js';
import type { OtelExport } from './otel-export.js';
import {
  captureContent,
  defaultFlushTimeoutMs,
  exportSettings,
  type TelemetrySection,
} from './otel-settings.js';
import { maxTraceSpans, type TraceDocument, traceDocument } from './trace-document.js';
import { TraceRecorder } from './trace-recorder.js';

/** Options of {@link startRunTelemetry}. */
export interface RunTelemetryOptions {
  /** The spec's `telemetry` section; without it nothing is exported (the trace JSON still works). */
  readonly telemetry: TelemetrySection | undefined;
  readonly specName: string;
  readonly pattern: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Receives one-line notes for the user (an endpoint mapped from gRPC, an export that failed). */
  readonly warn?: (message: string) => void;
  /** The wall clock in epoch milliseconds; injected by tests. */
  readonly now?: () => number;
  /** The longest the end of a run waits for the collector. @default 2000 */
  readonly flushTimeoutMs?: number;
}

/** One run's tracing: feed it the run's events, read the trace JSON, shut it down at the end. */
export interface RunTelemetry {
  readonly onEvent: (event: RunEvent) => void;
  /** The trace JSON of the run so far (`--trace`, `{{ TRACE }}`). */
  document(): TraceDocument;
  /** Flushes the exporter within the flush timeout and says once if exporting failed. Never throws. */
  shutdown(): Promise<void>;
}

/**
 * Starts tracing one run. OpenTelemetry is loaded only when the spec has a `telemetry` section: a
 * run that asks only for `--trace` records spans in memory and loads nothing else.
 */
export async function startRunTelemetry(options: RunTelemetryOptions): Promise<RunTelemetry> {
  const now = options.now ?? Date.now;
  const flushTimeoutMs = options.flushTimeoutMs ?? flushTimeoutFrom(options.env);
  let otel: OtelExport | undefined;
  if (options.telemetry) {
    const settings = exportSettings(options.telemetry, options.env);
    if (settings.note) options.warn?.(settings.note);
    const { startOtelExport } = await import('./otel-export.js');
    otel = await startOtelExport(settings, flushTimeoutMs);
  }
  const content = contentRedactor(options);
  const recorder = new TraceRecorder({
    ...(otel ? { sink: otel.sink } : {}),
    ...(content ? { content } : {}),
    now,
  });
  const maxSpans = maxTraceSpans(options.env);
  return {
    onEvent: recorder.onEvent,
    document: () =>
      traceDocument(recorder.spans, {
        specName: options.specName,
        pattern: options.pattern,
        maxSpans,
        now: now(),
      }),
    async shutdown() {
      if (!otel) return;
      await otel.shutdown();
      if (otel.failure !== undefined) options.warn?.(`telemetry: spans were not exported: ${otel.failure}`);
    },
  };
}

/** The content redactor when the user opted in to content capture; undefined captures nothing. */
function contentRedactor(options: RunTelemetryOptions): ContentRedactor | undefined {
  if (!captureContent(options.telemetry, options.env)) return undefined;
  try {
    return createContentRedactor(options.telemetry?.redact);
  } catch (error) {
    // Spec validation refuses such a pattern; a library caller that skipped it loses capture, not the run.
    options.warn?.(`telemetry: message content is not captured: ${(error as Error).message}`);
    return undefined;
  }
}

/** `STRANDS_OTEL_FLUSH_TIMEOUT_MS` (a positive integer) or the default bound. */
function flushTimeoutFrom(env: Readonly<Record<string, string | undefined>>): number {
  const value = Number(env.STRANDS_OTEL_FLUSH_TIMEOUT_MS);
  return Number.isInteger(value) && value > 0 ? value : defaultFlushTimeoutMs;
}
