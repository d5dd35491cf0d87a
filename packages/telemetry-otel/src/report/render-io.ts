import { escapeHtml, formatCount, truncateText } from './html-text.js';
import type { StepIo } from './report-input.js';
import type { InvocationRow } from './report-model.js';

/** Characters of one input or output shown before it is cut. */
export const defaultMaxTextChars = 20_000;

/**
 * Each invocation's input, output and error, redacted, escaped and cut to `maxChars`, inside a
 * `<details>` element that is closed by default: a report of a long run stays readable, and a
 * person opens only the step they care about.
 */
export function renderIo(
  rows: readonly InvocationRow[],
  stepIo: Readonly<Record<string, StepIo>>,
  redact: (text: string) => string,
  maxChars: number,
): string {
  const sections = rows.map((row, index) => {
    const io = row.invocation === undefined ? undefined : stepIo[String(row.invocation)];
    const parts: string[] = [];
    if (row.error) parts.push(`<h4>Error</h4>${block(row.error, 'error', redact, maxChars)}`);
    parts.push(
      `<h4>Input</h4>${io?.input === undefined ? notRecorded : block(io.input, 'text', redact, maxChars)}`,
      `<h4>Output</h4>${io?.output === undefined ? notRecorded : block(io.output, 'text', redact, maxChars)}`,
    );
    const number = row.invocation ?? index + 1;
    return [
      `<details class="io outcome-${row.outcome}" data-outcome="${row.outcome}" data-invocation="${number}">`,
      `<summary>#${number} ${escapeHtml(redact(row.label))} <small>${escapeHtml(redact(row.agent))} · ${row.outcome}</small></summary>`,
      ...parts,
      '</details>',
    ].join('');
  });
  return sections.join('\n');
}

const notRecorded = '<p class="none">not recorded in this trace</p>';

function block(text: string, kind: string, redact: (text: string) => string, maxChars: number): string {
  const { text: shown, omitted } = truncateText(redact(text), maxChars);
  const note =
    omitted > 0
      ? `<p class="cut">… ${formatCount(omitted)} more characters not shown (the report keeps ${formatCount(maxChars)}).</p>`
      : '';
  return `<pre class="${kind}">${escapeHtml(shown)}</pre>${note}`;
}
