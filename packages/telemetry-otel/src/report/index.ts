/**
 * The run report: one self-contained HTML file drawn from a run's trace JSON. Loaded on its own
 * (`@strands-cli/telemetry-otel/report`) by the commands that write a report; it imports no
 * OpenTelemetry code.
 */
export { escapeHtml } from './html-text.js';
export { renderRunReport } from './render-report.js';
export type { ReportGraph, ReportInput, ReportLimits, StepIo } from './report-input.js';
export { type InvocationRow, type Outcome, type ReportModel, reportModel } from './report-model.js';
export { isTraceDocument } from './trace-shape.js';
