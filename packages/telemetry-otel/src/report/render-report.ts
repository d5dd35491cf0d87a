import { escapeHtml, formatCount, formatDuration } from './html-text.js';
import { renderGraphSvg } from './render-graph-svg.js';
import { defaultMaxTextChars, renderIo } from './render-io.js';
import { renderTimeline } from './render-timeline.js';
import { layOutGraph } from './report-graph.js';
import type { ReportInput, ReportLimits } from './report-input.js';
import { type Outcome, reportModel } from './report-model.js';
import { reportCss, reportScript } from './report-style.js';

/**
 * Nothing may be loaded from anywhere: no fetch, image, font or frame. Only the inline style sheet
 * and the inline script run, so the file opens the same from disk, a mail attachment or a CI page.
 */
const contentPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

const legendOutcomes: readonly Outcome[] = [
  'ok',
  'failed',
  'cancelled',
  'replayed',
  'paused',
  'unfinished',
  'not-run',
];

/**
 * Renders the run report: ONE self-contained HTML document with the pattern graph (inline SVG), the
 * timeline of every invocation and each invocation's input/output (collapsed). It loads nothing and
 * needs no network; every text from the run is redacted (`input.redact`), escaped and bounded.
 */
export function renderRunReport(input: ReportInput, limits: ReportLimits = {}): string {
  const redact = input.redact ?? ((text: string) => text);
  const { summary, rows } = reportModel(input.trace);
  const graph = layOutGraph(rows, input.graph);
  const failed = rows.filter((row) => row.outcome === 'failed').length;
  const title = `${redact(summary.name)}: run report`;
  const facts = [
    `<b>${escapeHtml(summary.pattern)}</b> pattern`,
    `<b>${formatCount(rows.length)}</b> invocations${failed > 0 ? ` (<b>${failed}</b> failed)` : ''}`,
    `<b>${escapeHtml(formatDuration(summary.durationMs))}</b>`,
    `<b>${formatCount(summary.inputTokens)}</b> input / <b>${formatCount(summary.outputTokens)}</b> output tokens`,
    ...(summary.startedAt ? [`started ${escapeHtml(summary.startedAt)}`] : []),
  ].join(' · ');
  const notes: string[] = [];
  if (summary.error) notes.push(`<p class="error">${escapeHtml(redact(summary.error).slice(0, 2000))}</p>`);
  if (summary.evicted > 0)
    notes.push(
      `<p class="note">${formatCount(summary.evicted)} older spans were dropped to keep the trace within its span limit (raise STRANDS_MAX_TRACE_SPANS to keep them).</p>`,
    );
  for (const event of summary.events)
    notes.push(
      `<p class="note">${escapeHtml(formatDuration(event.atMs))}: ${escapeHtml(event.name)} ${escapeHtml(redact(event.detail))}</p>`,
    );
  const legend = legendOutcomes
    .map((outcome) => `<span><i class="outcome-${outcome}"></i>${outcome}</span>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentPolicy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${reportCss}</style>
</head>
<body data-outcome="${summary.outcome}">
<header>
<h1>${escapeHtml(redact(summary.name))} <span class="badge outcome-${summary.outcome}">${summary.outcome}</span></h1>
<p class="meta">${facts}</p>
${notes.join('\n')}
<p class="legend">${legend}</p>
</header>
<section id="graph">
<h2>Pattern</h2>
${graph.inferred ? '<p class="note">Drawn from the trace alone: the steps that ran, in the order they started (dependencies are not in a trace).</p>' : ''}
<div class="graph-box">${renderGraphSvg(graph)}</div>
</section>
<section id="timeline">
<h2>Timeline</h2>
<p class="note">One bar per invocation. Light part (queue): the wait before its first model request, for a concurrency slot (max_parallel) and the agent's setup; dark parts: model requests, retries and their back-off included; the rest: tool calls and the agent's own work.</p>
${renderTimeline(rows, summary.durationMs, redact)}
</section>
<section id="io">
<h2>Inputs and outputs</h2>
<p><button type="button" data-toggle-io="open">Open all</button><button type="button" data-toggle-io="close">Close all</button></p>
${renderIo(rows, input.stepIo ?? {}, redact, limits.maxTextChars ?? defaultMaxTextChars)}
</section>
<footer><p class="note">strands run report${input.generatedAt ? ` · generated ${escapeHtml(input.generatedAt)}` : ''} · trace ${escapeHtml(input.trace.trace_id ?? 'unknown')}</p></footer>
<script>${reportScript}</script>
</body>
</html>
`;
}
