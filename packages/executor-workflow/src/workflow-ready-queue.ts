import { runFailFast } from '@strands-cli/core/executor-utils';
import { RuntimeFailure } from '@strands-cli/core/spec';

/** One node of the dependency graph: an id and the ids it waits for. */
export interface ReadyQueueNode {
  readonly id: string;
  readonly deps: readonly string[];
}

/**
 * Runs every node of a DAG as soon as all of its dependencies have finished (a ready queue, not
 * layers: a slow node holds back only its own descendants). Fail-fast: the first failure aborts every
 * running node through its signal, nodes not started yet never start, and the first error is rethrown
 * once everything has settled. No concurrency bound here; the core bounds model calls run-wide.
 * `runNode` gets each node object as given, so a caller can carry its own data on the nodes (a task
 * and its position) instead of looking it up again by id.
 * @returns the results keyed by node id, in the order of `nodes`.
 * @throws RuntimeFailure before running anything if a dependency is unknown or the graph has a cycle
 *   (validate normally reports both first).
 */
export async function runReadyQueue<Node extends ReadyQueueNode, T>(
  nodes: readonly Node[],
  runNode: (node: Node, signal: AbortSignal) => Promise<T>,
  parentSignal: AbortSignal,
): Promise<Map<string, T>> {
  // Checked up front: a cycle would otherwise leave its nodes waiting for each other forever.
  const ordered = topologicalOrder(nodes);
  const finished = new Map<string, Promise<T>>();
  // Tasks are handed to runFailFast in topological order, so every dependency's promise exists
  // before a dependant looks it up.
  const results = await runFailFast(
    ordered.map((node) => async (signal: AbortSignal): Promise<T> => {
      const own = (async () => {
        await Promise.all(node.deps.map((dep) => finished.get(dep)));
        // A sibling failed while we waited: do not start new work.
        if (signal.aborted) throw signal.reason;
        return runNode(node, signal);
      })();
      // Dependants await this promise; a sink's rejection is reported through runFailFast only.
      own.catch(() => undefined);
      finished.set(node.id, own);
      return own;
    }),
    parentSignal,
  );
  const byId = new Map(ordered.map((node, index) => [node.id, results[index] as T]));
  return new Map(nodes.map((node) => [node.id, byId.get(node.id) as T]));
}

/**
 * Kahn's algorithm, keeping the given order among nodes that become ready together.
 * @throws RuntimeFailure naming a duplicate id, an unknown dependency or the tasks caught in a cycle.
 */
function topologicalOrder<Node extends ReadyQueueNode>(nodes: readonly Node[]): Node[] {
  const ids = new Set<string>();
  for (const node of nodes) {
    if (ids.has(node.id)) {
      throw new RuntimeFailure(`Task id '${node.id}' is used more than once`, {
        hint: 'Give every task in pattern.config.tasks a unique id.',
      });
    }
    ids.add(node.id);
  }
  for (const node of nodes) {
    const missing = node.deps.find((dep) => !ids.has(dep));
    if (missing !== undefined) {
      throw new RuntimeFailure(`Task '${node.id}' depends on unknown task '${missing}'`, {
        hint: `Use one of: ${quoteAll(ids)}.`,
      });
    }
  }
  // Kahn's algorithm, one layer at a time (each layer in spec order, as before), in linear time:
  // re-scanning every node per layer made a long chain quadratic.
  const specIndex = new Map(nodes.map((node, index) => [node.id, index]));
  const waitingFor = new Map(nodes.map((node) => [node.id, new Set(node.deps).size]));
  const dependants = new Map<string, Node[]>();
  for (const node of nodes) {
    for (const dep of new Set(node.deps)) {
      const list = dependants.get(dep) ?? [];
      dependants.set(dep, list);
      list.push(node);
    }
  }
  const ordered: Node[] = [];
  let ready = nodes.filter((node) => waitingFor.get(node.id) === 0);
  while (ready.length > 0) {
    for (const node of ready) waitingFor.delete(node.id);
    ordered.push(...ready);
    const next: Node[] = [];
    for (const node of ready) {
      for (const dependant of dependants.get(node.id) ?? []) {
        const left = (waitingFor.get(dependant.id) ?? 0) - 1;
        waitingFor.set(dependant.id, left);
        if (left === 0) next.push(dependant);
      }
    }
    ready = next.sort((a, b) => (specIndex.get(a.id) ?? 0) - (specIndex.get(b.id) ?? 0));
  }
  if (waitingFor.size > 0) {
    throw new RuntimeFailure(`Cycle detected in task dependencies among: ${quoteAll(waitingFor.keys())}`, {
      hint: 'Remove a deps entry so that the tasks form a DAG.',
    });
  }
  return ordered;
}

function quoteAll(ids: Iterable<string>): string {
  return [...ids].map((id) => `'${id}'`).join(', ');
}
