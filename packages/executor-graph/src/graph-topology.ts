import type { GraphConfig } from './graph-config.js';

/** One edge of a graph config (the first whose `from` matches a node is the node's only exit). */
export type GraphEdge = GraphConfig['edges'][number];

/**
 * The shape of a graph as the run walks it. Only the first edge whose `from` names a node is ever
 * followed; with a `to` of several targets they all run and the walk continues from the last one.
 */
export class GraphTopology {
  readonly nodeIds: readonly string[];
  readonly #exits = new Map<string, { edge: GraphEdge; index: number }>();
  readonly #before = new Map<string, Set<string>>();

  constructor(config: GraphConfig) {
    this.nodeIds = Object.keys(config.nodes);
    config.edges.forEach((edge, index) => {
      if (!this.#exits.has(edge.from)) this.#exits.set(edge.from, { edge, index });
    });
    // Which nodes may run right after each node: its exits, and for a target of a parallel `to`
    // other than the last, whatever follows the last one (the walk waits for every target).
    const after = new Map<string, Set<string>>(this.nodeIds.map((id) => [id, new Set(this.successors(id))]));
    for (const { edge } of this.#exits.values()) {
      const targets = distinct(edge.to ?? []);
      const last = targets.at(-1);
      if (last === undefined) continue;
      for (const target of targets.slice(0, -1))
        for (const next of this.continuations(last)) after.get(target)?.add(next);
    }
    for (const id of this.nodeIds) this.#before.set(id, new Set());
    for (const id of this.nodeIds) {
      for (const reached of closure([...(after.get(id) ?? [])], (node) => [...(after.get(node) ?? [])]))
        this.#before.get(reached)?.add(id);
    }
  }

  /** The edge the run follows after `id` (the first with that `from`) and its index, if any. */
  exitOf(id: string): { edge: GraphEdge; index: number } | undefined {
    return this.#exits.get(id);
  }

  /** Every node that may run right after `id`: all targets of its exit. */
  successors(id: string): string[] {
    const edge = this.#exits.get(id)?.edge;
    if (edge === undefined) return [];
    return distinct(edge.to ?? (edge.choose ?? []).map((choice) => choice.to));
  }

  /** The nodes the walk may continue from after `id` (for a parallel `to`, only its last target). */
  continuations(id: string): string[] {
    const edge = this.#exits.get(id)?.edge;
    if (edge === undefined) return [];
    if (edge.to !== undefined) return distinct(edge.to).slice(-1);
    return distinct((edge.choose ?? []).map((choice) => choice.to));
  }

  /** True when the run may end at `id`: it has no exit, or no condition of its exit is `else`. */
  canStop(id: string): boolean {
    const edge = this.#exits.get(id)?.edge;
    if (edge === undefined) return true;
    return edge.choose !== undefined && !edge.choose.some((choice) => choice.when.trim() === 'else');
  }

  /** Nodes that can run at all, starting from the first node. */
  reachable(): Set<string> {
    const start = this.nodeIds[0];
    return start === undefined ? new Set() : closure([start], (id) => this.successors(id));
  }

  /** Nodes the walk can be at, and of those, the ones from which it can never reach an end. */
  trapped(): { walked: Set<string>; trapped: string[] } {
    const start = this.nodeIds[0];
    const walked = start === undefined ? new Set<string>() : closure([start], (id) => this.continuations(id));
    const trapped = [...walked].filter(
      (id) =>
        !this.canStop(id) &&
        ![...closure([id], (node) => this.continuations(node))].some((node) => this.canStop(node)),
    );
    return { walked, trapped };
  }

  /** The nodes that may have finished before `id` starts (itself too when it is in a loop), in spec order. */
  ranBefore(id: string): string[] {
    const before = this.#before.get(id) ?? new Set();
    return this.nodeIds.filter((node) => before.has(node));
  }
}

function distinct(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** `starts` and every node reached from them through `next`. */
function closure(starts: readonly string[], next: (id: string) => string[]): Set<string> {
  const seen = new Set<string>(starts);
  const queue = [...starts];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const following of next(id)) {
      if (seen.has(following)) continue;
      seen.add(following);
      queue.push(following);
    }
  }
  return seen;
}
