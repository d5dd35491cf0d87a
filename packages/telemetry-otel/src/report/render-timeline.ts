import { escapeHtml, formatCount, formatDuration, shortLabel } from './html-text.js';
import { rowAnchor } from './render-graph-svg.js';
import type { InvocationRow } from './report-model.js';

/** A row's task id: the quoted id in its label (`task 'collect'` → `collect`), else the label. */
export function taskIdOf(row: InvocationRow): string {
  const quoted = /'([^']+)'/.exec(row.label);
  const base = quoted?.[1] ?? row.label;
  return row.occurrence === undefined ? base : `${base}#${row.occurrence}`;
}

/** A percentage with enough digits for a 10 000-row run, without noise. */
function percent(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  return `${Math.max(0, Math.min(100, (part / whole) * 100))
    .toFixed(3)
    .replace(/\.?0+$/, '')}%`;
}

/**
 * The Gantt chart: one row and one bar per invocation, placed on the run's time axis. A bar's light
 * part is the wait for a concurrency slot (queue), its dark parts the model requests; the text beside
 * it gives the times, tokens, retries and tool calls. Rows carry `data-task` and `data-outcome`.
 */
export function renderTimeline(
  rows: readonly InvocationRow[],
  runMs: number,
  redact: (text: string) => string,
): string {
  const span = Math.max(runMs, ...rows.map((row) => row.endMs), 1);
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map((at) => `<span style="left:${percent(at, 1)}">${escapeHtml(formatDuration(span * at))}</span>`)
    .join('');
  const lines = rows.map((row) => renderRow(row, span, redact));
  return [
    '<div class="timeline">',
    `<div class="row axis"><div class="who"></div><div class="track ticks">${ticks}</div><div class="facts"></div></div>`,
    ...lines,
    '</div>',
  ].join('\n');
}

function renderRow(row: InvocationRow, span: number, redact: (text: string) => string): string {
  const duration = Math.max(row.endMs - row.startMs, 0);
  const segments = row.modelSegments
    .map(
      (segment) =>
        `<span class="model" style="left:${percent(segment.startMs - row.startMs, duration)};width:${percent(segment.endMs - segment.startMs, duration)}"></span>`,
    )
    .join('');
  const queue =
    row.queueMs > 0 ? `<span class="queue" style="width:${percent(row.queueMs, duration)}"></span>` : '';
  const toolsFailed = row.tools.filter((tool) => !tool.ok).length;
  const facts = [
    formatDuration(duration),
    `queue ${formatDuration(row.queueMs)}`,
    `model ${formatDuration(row.modelMs)}`,
    `${formatCount(row.inputTokens)}→${formatCount(row.outputTokens)} tok`,
    ...(row.retries.length > 0
      ? [`${row.retries.length} retr${row.retries.length === 1 ? 'y' : 'ies'}`]
      : []),
    ...(row.tools.length > 0
      ? [
          `${row.tools.length} tool call${row.tools.length === 1 ? '' : 's'}${toolsFailed > 0 ? ` (${toolsFailed} failed)` : ''}`,
        ]
      : []),
  ].join(' · ');
  const label = redact(row.label);
  const title = [
    `${label} · agent ${redact(row.agent)}${row.model ? ` · ${redact(row.model)}` : ''}`,
    `${row.outcome}${row.error ? `: ${shortLabel(redact(row.error), 300)}` : ''}`,
    ...row.tools.map(
      (tool) => `tool ${tool.name} ${tool.ok ? 'ok' : 'failed'} ${formatDuration(tool.durationMs)}`,
    ),
    ...row.retries.map((retry) => `retry: ${shortLabel(redact(retry), 200)}`),
  ].join('\n');
  return [
    `<div class="row outcome-${row.outcome}" id="${rowAnchor(row.spanId)}" data-task="${escapeHtml(redact(taskIdOf(row)))}" data-outcome="${row.outcome}"${row.invocation === undefined ? '' : ` data-invocation="${row.invocation}"`}>`,
    `<div class="who" title="${escapeHtml(label)}">${escapeHtml(shortLabel(label, 40))}<small>${escapeHtml(shortLabel(redact(row.agent), 30))}</small></div>`,
    `<div class="track"><div class="bar" style="left:${percent(row.startMs, span)};width:${percent(duration, span)}" title="${escapeHtml(title)}">${queue}${segments}</div></div>`,
    `<div class="facts">${escapeHtml(facts)}</div>`,
    '</div>',
  ].join('');
}
