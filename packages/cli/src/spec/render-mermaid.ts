import type { PlanEdgeV1, PlanNodeV1 } from '@strands-cli/core';

/**
 * A Mermaid flowchart of a pattern's plan graph (steps, DAG, branches or routes). Node ids are
 * replaced by safe ones and labels are quoted, so any spec id renders.
 */
export function renderMermaid(nodes: readonly PlanNodeV1[], edges: readonly PlanEdgeV1[]): string {
  const ids = new Map(nodes.map((node, index) => [node.id, `n${index}`]));
  const lines = ['flowchart TD'];
  for (const node of nodes) {
    const id = ids.get(node.id)!;
    const label = quote(node.label);
    if (node.shape === 'diamond') lines.push(`  ${id}{${label}}`);
    else if (node.shape === 'round') lines.push(`  ${id}([${label}])`);
    else lines.push(`  ${id}[${label}]`);
  }
  for (const edge of edges) {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (!from || !to) continue;
    lines.push(edge.label ? `  ${from} -->|${quote(edge.label)}| ${to}` : `  ${from} --> ${to}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Characters written as Mermaid entity codes inside a label: a quote would end the string, and a pipe,
 * bracket, brace or angle bracket can end an edge label or node shape, or read as HTML, in some
 * renderers even inside quotes (a graph condition such as `{{ 'a|b' in x }}` has several). `#` comes
 * first so that the codes themselves are never escaped again.
 */
const entities: ReadonlyArray<readonly [string, string]> = [
  ['#', '#35;'],
  ['"', '#quot;'],
  ['|', '#124;'],
  ['[', '#91;'],
  [']', '#93;'],
  ['{', '#123;'],
  ['}', '#125;'],
  ['<', '#lt;'],
  ['>', '#gt;'],
];

/** A Mermaid string literal: double quotes, line breaks folded, shortened, then special characters escaped. */
function quote(text: string): string {
  const single = text.replace(/\s+/g, ' ').trim();
  const short = single.length > 60 ? `${single.slice(0, 57)}...` : single;
  let escaped = short;
  for (const [character, code] of entities) escaped = escaped.replaceAll(character, code);
  return `"${escaped}"`;
}
