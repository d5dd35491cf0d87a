/**
 * OpenTelemetry GenAI traces for strands-cli runs. The CLI imports this package only when a run
 * asks for tracing (a `telemetry` section or `--trace`); OpenTelemetry itself is loaded only for a
 * `telemetry` section.
 */
export {
  type ContentRedactor,
  createContentRedactor,
  type RedactSection,
} from './content/content-redactor.js';
export { Marker as RedactionMarker } from './content/pii-rules.js';
export { GenAi, Operation, Strands } from './gen-ai-names.js';
export {
  captureContent,
  defaultFlushTimeoutMs,
  type ExportSettings,
  exportSettings,
  type TelemetrySection,
} from './otel-settings.js';
export { type RunTelemetry, type RunTelemetryOptions, startRunTelemetry } from './run-telemetry.js';
export { type SpanGroup, spanGroupOf } from './span-groups.js';
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
