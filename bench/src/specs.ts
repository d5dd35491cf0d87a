/** Spec documents the bench runs, built in memory (what `runWorkflow` accepts besides a path). */

type Runtime = Record<string, unknown>;

const agents = { relay: { prompt: 'You pass a short note along.' } };

/** Zero-padded id, so ids sort in spec order. */
function id(prefix: string, index: number, width: number): string {
  return `${prefix}${String(index).padStart(width, '0')}`;
}

/** A chain of `steps` steps on one agent; each step reads the previous response through a template. */
export function chainSpec(steps: number, runtime: Runtime): Record<string, unknown> {
  return {
    version: 1,
    name: `bench-chain-${steps}`,
    runtime: { ...runtime, failure_policy: { retries: 0 } },
    agents,
    pattern: {
      type: 'chain',
      config: {
        steps: Array.from({ length: steps }, (_, index) => ({
          agent: 'relay',
          input:
            index === 0
              ? 'Start counting'
              : `Step ${index + 1} after: {{ steps[${index - 1}].response | truncate(40) }}`,
        })),
      },
    },
  };
}

/**
 * A workflow of `tasks` tasks: `tasks - 1` independent ones (fan-out) and, when `join` is set, one
 * last task that depends on all of them (fan-in) and reads the first and the last of them.
 */
export function workflowSpec(
  tasks: number,
  runtime: Runtime,
  options: { join: boolean; maxParallel?: number },
): Record<string, unknown> {
  const width = String(tasks).length;
  const leaves = options.join ? tasks - 1 : tasks;
  const list: Record<string, unknown>[] = Array.from({ length: leaves }, (_, index) => ({
    id: id('t', index + 1, width),
    agent: 'relay',
    input: `Item ${index + 1}`,
  }));
  if (options.join) {
    const first = id('t', 1, width);
    const last = id('t', leaves, width);
    list.push({
      id: 'join',
      agent: 'relay',
      deps: list.map((task) => task.id),
      input: `Join {{ tasks.${first}.response }} .. {{ tasks.${last}.response }}`,
    });
  }
  return {
    version: 1,
    name: `bench-workflow-${tasks}`,
    runtime: {
      ...runtime,
      ...(options.maxParallel ? { max_parallel: options.maxParallel } : {}),
      failure_policy: { retries: 0 },
    },
    agents,
    pattern: { type: 'workflow', config: { tasks: list } },
  };
}

/** A parallel pattern of `branches` one-step branches, without reduce. */
export function parallelSpec(
  branches: number,
  runtime: Runtime,
  maxParallel: number,
): Record<string, unknown> {
  const width = String(branches).length;
  return {
    version: 1,
    name: `bench-parallel-${branches}`,
    runtime: { ...runtime, max_parallel: maxParallel, failure_policy: { retries: 0 } },
    agents,
    pattern: {
      type: 'parallel',
      config: {
        branches: Array.from({ length: branches }, (_, index) => ({
          id: id('b', index + 1, width),
          steps: [{ agent: 'relay', input: `Branch ${index + 1}` }],
        })),
      },
    },
  };
}
