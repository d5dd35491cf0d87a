import type { WorkflowTask } from './workflow-config.js';

/**
 * Which tasks each task waits for, directly or through others, computed once per spec.
 *
 * Asking "every ancestor of t" for each task costs O(n) per task, so a long chain costs O(n²) in
 * time and, if the answers are kept, in memory. Instead every task gets a position in a depth-first
 * post-order of the dependency graph (each task after everything it waits for), and its ancestors
 * are stored as sorted runs of positions. A depth-first order places the ancestors a task reaches
 * first right before it, so they are contiguous: a chain of n tasks needs one run per task, a
 * diamond or a layered graph a few. Membership is a binary search; the full list is only built for
 * the rare templates that read `tasks` whole.
 *
 * A graph with a cycle (an error reported elsewhere) has no such order; then answers come from a
 * search per question, which is only as slow as the old per-task walk.
 */
export class TaskAncestry {
  /** The deps of each id (duplicate ids merged, unknown ids and self-dependencies dropped). */
  private readonly deps = new Map<string, string[]>();
  /** The spec index of each id's first task, for listing in spec order. */
  private readonly specIndex = new Map<string, number>();
  /** Post-order position of each id; undefined when the graph has a cycle. */
  private readonly position: Map<string, number> | undefined;
  /** The id at each position. */
  private readonly byPosition: string[] = [];
  /** Each id's ancestors as sorted, disjoint `[start, end)` position runs, flattened. */
  private readonly runs = new Map<string, Int32Array>();

  constructor(tasks: readonly WorkflowTask[]) {
    tasks.forEach((task, index) => {
      if (!this.specIndex.has(task.id)) this.specIndex.set(task.id, index);
      const list = this.deps.get(task.id) ?? [];
      this.deps.set(task.id, list);
      for (const dep of task.deps ?? []) if (dep !== task.id) list.push(dep);
    });
    for (const [id, list] of this.deps)
      this.deps.set(
        id,
        list.filter((dep) => this.deps.has(dep)),
      );
    this.position = this.postOrder();
    if (this.position) for (const id of this.byPosition) this.runs.set(id, this.mergedRuns(id));
  }

  /** True when `id` waits for `ancestor`, directly or through other tasks. */
  has(ancestor: string, id: string): boolean {
    if (ancestor === id || !this.deps.has(ancestor)) return false;
    // Most templates read a direct dependency: answer that without a search even when there is a cycle.
    if (this.deps.get(id)?.includes(ancestor)) return true;
    const runs = this.runs.get(id);
    const at = this.position?.get(ancestor);
    if (runs === undefined || at === undefined) return this.search(id).has(ancestor);
    let low = 0;
    let high = runs.length / 2 - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (at < (runs[middle * 2] as number)) high = middle - 1;
      else if (at >= (runs[middle * 2 + 1] as number)) low = middle + 1;
      else return true;
    }
    return false;
  }

  /** Every ancestor of `id`, in spec order. */
  list(id: string): string[] {
    const runs = this.runs.get(id);
    let found: string[];
    if (runs === undefined) {
      found = [...this.search(id)];
    } else {
      found = [];
      for (let run = 0; run < runs.length; run += 2) {
        for (let at = runs[run] as number; at < (runs[run + 1] as number); at++) {
          found.push(this.byPosition[at] as string);
        }
      }
    }
    return found.sort((a, b) => (this.specIndex.get(a) ?? 0) - (this.specIndex.get(b) ?? 0));
  }

  /**
   * A read-only mapping of `id`'s ancestors to `valueFor(ancestor)`, built as it is read: templates
   * usually read one or two entries, so materialising every ancestor per task is what made a long
   * chain quadratic. Enumerating it lists the ancestors in spec order, like a plain object would.
   */
  view<T>(id: string, valueFor: (ancestor: string) => T): Readonly<Record<string, T>> {
    let keys: string[] | undefined;
    const visible = (key: string | symbol): key is string => typeof key === 'string' && this.has(key, id);
    return new Proxy({} as Record<string, T>, {
      get: (_target, key) => (visible(key) ? valueFor(key) : undefined),
      has: (_target, key) => visible(key),
      ownKeys: () => {
        keys ??= this.list(id);
        return keys;
      },
      getOwnPropertyDescriptor: (_target, key) =>
        visible(key)
          ? { value: valueFor(key), writable: false, enumerable: true, configurable: true }
          : undefined,
      set: () => false,
      defineProperty: () => false,
      deleteProperty: () => false,
    });
  }

  /** Ids in depth-first post-order (deps first), or undefined when there is a cycle. Iterative: chains can be long. */
  private postOrder(): Map<string, number> | undefined {
    const position = new Map<string, number>();
    const visiting = new Set<string>();
    for (const root of this.deps.keys()) {
      if (position.has(root)) continue;
      const stack: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
      visiting.add(root);
      while (stack.length > 0) {
        const frame = stack[stack.length - 1] as { id: string; next: number };
        const list = this.deps.get(frame.id) as string[];
        if (frame.next < list.length) {
          const dep = list[frame.next++] as string;
          if (position.has(dep)) continue;
          if (visiting.has(dep)) return undefined;
          visiting.add(dep);
          stack.push({ id: dep, next: 0 });
        } else {
          stack.pop();
          visiting.delete(frame.id);
          position.set(frame.id, this.byPosition.length);
          this.byPosition.push(frame.id);
        }
      }
    }
    return position;
  }

  /** The runs of `id`: the union of each dep's own position and its runs (all computed before `id`). */
  private mergedRuns(id: string): Int32Array {
    const pieces: Array<[number, number]> = [];
    for (const dep of this.deps.get(id) as string[]) {
      const at = this.position?.get(dep) as number;
      pieces.push([at, at + 1]);
      const runs = this.runs.get(dep) as Int32Array;
      for (let run = 0; run < runs.length; run += 2)
        pieces.push([runs[run] as number, runs[run + 1] as number]);
    }
    pieces.sort((a, b) => a[0] - b[0]);
    const merged: number[] = [];
    for (const [start, end] of pieces) {
      const last = merged.length - 1;
      if (merged.length > 0 && start <= (merged[last] as number)) {
        merged[last] = Math.max(merged[last] as number, end);
      } else merged.push(start, end);
    }
    return Int32Array.from(merged);
  }

  /** Every ancestor of `id` by walking the deps (used only when the graph has a cycle). */
  private search(id: string): Set<string> {
    const found = new Set<string>();
    const stack = [...(this.deps.get(id) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      if (found.has(next) || next === id) continue;
      found.add(next);
      stack.push(...(this.deps.get(next) ?? []));
    }
    return found;
  }
}
