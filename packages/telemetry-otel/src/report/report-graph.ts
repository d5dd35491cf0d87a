import { shortLabel } from './html-text.js';
import type { ReportGraph } from './report-input.js';
import type { InvocationRow, Outcome } from './report-model.js';

/** One node of the drawn graph, with the invocations that ran it. */
export interface GraphNode {
  readonly id: string;
  readonly label: string;
  readonly shape: 'box' | 'diamond' | 'round';
  readonly rows: readonly InvocationRow[];
  readonly outcome: Outcome;
  /** Column (layer) and place within it. */
  readonly layer: number;
  readonly slot: number;
}

/** The graph ready to draw. */
export interface LaidOutGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly { readonly from: string; readonly to: string; readonly label?: string }[];
  /** True when the spans were all there was: nodes are the steps that ran, without dependencies. */
  readonly inferred: boolean;
}

/** Worst first: a node that failed once is drawn failed, even if a later visit succeeded. */
const severity: readonly Outcome[] = [
  'failed',
  'cancelled',
  'unfinished',
  'paused',
  'ok',
  'replayed',
  'not-run',
];

/** Nodes per column of a wide layer before it is folded into the next column. */
const columnSize = 8;

/** Nodes per column when the graph is inferred (no edges to lay it out by): about a square. */
function inferredColumnSize(count: number): number {
  return Math.max(10, Math.ceil(Math.sqrt(count)));
}

/**
 * Lays out the pattern graph: the plan's nodes when given (each matched to the invocations that ran
 * it), else one node per step pointer that ran. Columns follow the longest path from a node with no
 * incoming edge, so a DAG reads left to right; edges that go back (loops) are drawn as arcs.
 */
export function layOutGraph(rows: readonly InvocationRow[], graph: ReportGraph | undefined): LaidOutGraph {
  if (!graph || graph.nodes.length === 0) return inferredGraph(rows);
  const matched = new Map<string, InvocationRow[]>();
  for (const node of graph.nodes) matched.set(node.id, []);
  // An agent that only one node runs identifies that node (evaluator, orchestrator, router calls).
  const agentNodes = new Map<string, string | null>();
  for (const node of graph.nodes) {
    if (node.agentId === undefined) continue;
    agentNodes.set(node.agentId, agentNodes.has(node.agentId) ? null : node.id);
  }
  const unmatched: InvocationRow[] = [];
  for (const row of rows) {
    const byAgent = agentNodes.get(row.agent) ?? undefined;
    const id = [...nodeIdsOf(row), ...(byAgent === undefined ? [] : [byAgent])].find((candidate) =>
      matched.has(candidate),
    );
    if (id === undefined) unmatched.push(row);
    else matched.get(id)?.push(row);
  }
  const layers = longestPathLayers(
    graph.nodes.map((node) => node.id),
    graph.edges,
  );
  // A wide layer (20 independent tasks) is folded into several columns of `columnSize` nodes.
  const sizes = new Map<number, number>();
  for (const id of graph.nodes.map((node) => node.id)) {
    const layer = layers.get(id) ?? 0;
    sizes.set(layer, (sizes.get(layer) ?? 0) + 1);
  }
  const firstColumn = new Map<number, number>();
  let column = 0;
  for (const layer of [...sizes.keys()].sort((a, b) => a - b)) {
    firstColumn.set(layer, column);
    column += Math.ceil((sizes.get(layer) ?? 1) / columnSize);
  }
  const slots = new Map<number, number>();
  const nodes = graph.nodes.map((node) => {
    const layer = layers.get(node.id) ?? 0;
    const slot = slots.get(layer) ?? 0;
    slots.set(layer, slot + 1);
    const ran = matched.get(node.id) ?? [];
    return {
      id: node.id,
      label: node.label,
      shape: node.shape ?? 'box',
      rows: ran,
      outcome: worstOutcome(ran),
      layer: (firstColumn.get(layer) ?? 0) + Math.floor(slot / columnSize),
      slot: slot % columnSize,
    };
  });
  // Invocations no plan node accounts for are still drawn, after the plan, as the trace shows them.
  const extra = inferredGraph(unmatched).nodes.map((node) => ({ ...node, layer: node.layer + column }));
  return { nodes: [...nodes, ...extra], edges: graph.edges, inferred: false };
}

/**
 * The plan node ids an invocation may have run, most likely first: the ids its label names in quotes
 * (`task 'collect'`, `node 'review'`, `branch 'web' step 1`), chain step N's (`step 1` runs `step0`),
 * then its kind (`router`, `evaluator`).
 */
export function nodeIdsOf(row: InvocationRow): string[] {
  const ids = [...row.label.matchAll(/'([^']+)'/g)].map((match) => match[1] as string);
  const chainStep = /^step (\d+)$/.exec(row.label);
  if (chainStep) ids.push(`step${Number(chainStep[1]) - 1}`);
  ids.push(row.kind);
  return ids;
}

function inferredGraph(rows: readonly InvocationRow[]): LaidOutGraph {
  const byPointer = new Map<string, InvocationRow[]>();
  for (const row of rows) {
    const key = row.pointer || row.label;
    const list = byPointer.get(key) ?? [];
    list.push(row);
    byPointer.set(key, list);
  }
  const size = inferredColumnSize(byPointer.size);
  const nodes = [...byPointer.entries()].map(([key, ran], index) => ({
    id: key,
    label: shortLabel(`${ran[0]?.label ?? key} (${ran[0]?.agent ?? ''})`),
    shape: 'box' as const,
    rows: ran,
    outcome: worstOutcome(ran),
    layer: Math.floor(index / size),
    slot: index % size,
  }));
  return { nodes, edges: [], inferred: true };
}

function worstOutcome(rows: readonly InvocationRow[]): Outcome {
  if (rows.length === 0) return 'not-run';
  let worst = severity.length - 1;
  for (const row of rows) worst = Math.min(worst, severity.indexOf(row.outcome));
  return severity[worst] ?? 'ok';
}

/**
 * The column of each node: 0 for nodes nothing points to, else one more than the deepest node that
 * points to it. Edges closing a cycle (a loop back) are ignored for this, so every node gets a column.
 */
function longestPathLayers(ids: readonly string[], edges: ReportGraph['edges']): Map<string, number> {
  const known = new Set(ids);
  const incoming = new Map<string, number>(ids.map((id) => [id, 0]));
  const outgoing = new Map<string, string[]>();
  for (const edge of edges) {
    if (!known.has(edge.from) || !known.has(edge.to) || edge.from === edge.to) continue;
    incoming.set(edge.to, (incoming.get(edge.to) ?? 0) + 1);
    outgoing.set(edge.from, [...(outgoing.get(edge.from) ?? []), edge.to]);
  }
  const layers = new Map<string, number>();
  const placed = new Set<string>();
  const remaining = new Map(incoming);
  let ready = ids.filter((id) => remaining.get(id) === 0);
  while (placed.size < ids.length) {
    if (ready.length === 0) {
      // A cycle: start it at its first unplaced node, after whatever already points into it.
      const next = ids.find((id) => !placed.has(id)) as string;
      ready = [next];
    }
    const current = ready;
    ready = [];
    for (const id of current) {
      if (placed.has(id)) continue;
      placed.add(id);
      const layer = layers.get(id) ?? 0;
      layers.set(id, layer);
      for (const to of outgoing.get(id) ?? []) {
        if (placed.has(to)) continue;
        layers.set(to, Math.max(layers.get(to) ?? 0, layer + 1));
        const left = (remaining.get(to) ?? 1) - 1;
        remaining.set(to, left);
        if (left === 0) ready.push(to);
      }
    }
  }
  return layers;
}
