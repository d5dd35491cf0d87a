import { escapeHtml, formatDuration, shortLabel } from './html-text.js';
import type { GraphNode, LaidOutGraph } from './report-graph.js';

const columnWidth = 210;
const nodeWidth = 170;
const nodeHeight = 42;
const rowHeight = 60;
const padding = 24;

/** The anchor of an invocation's timeline row, so a graph node can link to it. */
export function rowAnchor(spanId: string): string {
  return `inv-${spanId.replace(/[^A-Za-z0-9_-]/g, '')}`;
}

/**
 * Draws the laid-out graph as inline SVG: one shape per node, coloured by outcome (the class
 * `outcome-<name>`), with its visit count and time; edges as curves with arrow heads, loops as arcs
 * below. Every text is escaped; nothing is fetched.
 */
export function renderGraphSvg(graph: LaidOutGraph): string {
  const place = new Map<string, { x: number; y: number; layer: number }>();
  let width = 0;
  let height = 0;
  for (const node of graph.nodes) {
    const x = padding + node.layer * columnWidth;
    const y = padding + node.slot * rowHeight;
    place.set(node.id, { x, y, layer: node.layer });
    width = Math.max(width, x + nodeWidth + padding);
    height = Math.max(height, y + nodeHeight + padding + 20);
  }
  const edges = graph.edges.flatMap((edge) => {
    const from = place.get(edge.from);
    const to = place.get(edge.to);
    if (!from || !to) return [];
    const label = edge.label ? `<title>${escapeHtml(edge.label)}</title>` : '';
    if (to.layer > from.layer) {
      const x1 = from.x + nodeWidth;
      const y1 = from.y + nodeHeight / 2;
      const x2 = to.x;
      const y2 = to.y + nodeHeight / 2;
      const bend = (x2 - x1) / 2;
      return [
        `<path class="edge" d="M${x1} ${y1} C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2 - 2} ${y2}" marker-end="url(#arrow)">${label}</path>`,
      ];
    }
    // Back (or sideways) edge: a loop; an arc under the nodes.
    const x1 = from.x + nodeWidth / 2;
    const y1 = from.y + nodeHeight;
    const x2 = to.x + nodeWidth / 2;
    const y2 = to.y + nodeHeight;
    const depth = Math.max(y1, y2) + 22;
    return [
      `<path class="edge loop" d="M${x1} ${y1} C${x1} ${depth} ${x2} ${depth} ${x2} ${y2 + 2}" marker-end="url(#arrow)">${label}</path>`,
    ];
  });
  const nodes = graph.nodes.map((node) => renderNode(node, place.get(node.id) as { x: number; y: number }));
  return [
    `<svg class="graph" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="pattern graph">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="arrow-head"/></marker></defs>',
    ...edges,
    ...nodes,
    '</svg>',
  ].join('\n');
}

function renderNode(node: GraphNode, at: { x: number; y: number }): string {
  const { x, y } = at;
  const visits = node.rows.length;
  const time = node.rows.reduce((total, row) => total + (row.endMs - row.startMs), 0);
  const detail = visits === 0 ? 'not run' : `${visits > 1 ? `×${visits} · ` : ''}${formatDuration(time)}`;
  const title = `${node.label}: ${node.outcome}${visits > 1 ? `, ${visits} visits` : ''}`;
  const shape =
    node.shape === 'diamond'
      ? `<polygon points="${x + nodeWidth / 2},${y} ${x + nodeWidth},${y + nodeHeight / 2} ${x + nodeWidth / 2},${y + nodeHeight} ${x},${y + nodeHeight / 2}"/>`
      : `<rect x="${x}" y="${y}" width="${nodeWidth}" height="${nodeHeight}" rx="${node.shape === 'round' ? nodeHeight / 2 : 6}"/>`;
  const first = node.rows[0];
  const open = first ? `<a href="#${rowAnchor(first.spanId)}">` : '';
  const close = first ? '</a>' : '';
  return [
    `<g class="node outcome-${node.outcome}" data-node="${escapeHtml(node.id)}" data-outcome="${node.outcome}">`,
    `${open}<title>${escapeHtml(title)}</title>${shape}`,
    `<text x="${x + nodeWidth / 2}" y="${y + 17}" class="node-label">${escapeHtml(shortLabel(node.label, 24))}</text>`,
    `<text x="${x + nodeWidth / 2}" y="${y + 33}" class="node-detail">${escapeHtml(detail)}</text>${close}`,
    '</g>',
  ].join('');
}
