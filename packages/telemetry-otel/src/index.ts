/**
 * OpenTelemetry GenAI traces for strands-cli runs. The CLI imports this package only when a run
 * asks for tracing (a `telemetry` section or `--trace`); OpenTelemetry itself is loaded only for a
 * `telemetry` section.
 */
export { GenAi, Operation, Strands } from './gen-ai-names.js';
export {
  defaultFlushTimeoutMs,
  type ExportSettings,
  exportSettings,
  type TelemetrySection,
} from './otel-settings.js';
export { type RunTelemetry, type RunTelemetryOptions, startRunTelemetry } from './run-telemetry.js';
export type {
  Attributes,
  AttributeValue,
  SpanEventRecord,
  SpanRecord,
  SpanSink,
  SpanStatusRecord,
} from './span-record.js';
export {
  defaultMaxTraceSpans,
  maxTraceSpans,
  type TraceDocument,
  type TraceSpanJson,
  traceDocument,
} from './trace-document.js';
export { TraceRecorder, type TraceRecorderOptions } from './trace-recorder.js';
export { VERSION } from './version.js';
