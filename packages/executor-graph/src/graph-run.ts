import { askHumanStep, runFailFast } from '@strands-cli/core/executor-utils';
import type { ExecutorContextV1, ExecutorResultV1 } from '@strands-cli/core/spec';
import { StepFailedError } from '@strands-cli/core/spec';
import { conditionTemplate, parseCondition } from './graph-conditions.js';
import type { GraphConfig } from './graph-config.js';
import { GraphLoopError } from './graph-errors.js';
import { GraphState } from './graph-state.js';
import { GraphTopology } from './graph-topology.js';

/** Visits of one node when `max_iterations` is not set. */
const defaultMaxIterations = 10;
/** Node executions of one run when `runtime.budgets.max_steps` is not set. */
const defaultMaxSteps = 100;

type Context = ExecutorContextV1<GraphConfig>;

/**
 * Runs a `graph` pattern: starts at the first node, runs one node at a time and follows the first
 * edge whose `from` is that node (`to`, or the first `choose` whose condition holds); a node with no
 * edge, or whose conditions all fail, ends the run with its response. A `to` naming several nodes runs
 * them together and goes on from the edge of the last one. Visits per node and node executions per
 * run are bounded, so a loop whose exit never holds stops with exit 20 naming the loop.
 */
export async function runGraph(context: Context): Promise<ExecutorResultV1> {
  const { config } = context;
  const topology = new GraphTopology(config);
  const state = new GraphState(config);
  const maxIterations = config.max_iterations ?? defaultMaxIterations;
  // The spec a test double hands over may have no runtime section.
  const maxSteps = context.spec.runtime?.budgets?.max_steps ?? defaultMaxSteps;
  let current: string[] = [topology.nodeIds[0] as string];
  for (;;) {
    checkLimits(state, current, maxIterations, maxSteps);
    const scope = state.scope();
    if (current.length === 1) {
      await runNode(context, state, current[0] as string, scope, context.signal, context.streamRequested);
    } else {
      // Every target sees the nodes as they were before any of them ran, so what each one reads
      // does not depend on which finishes first; results are recorded in the order of `to`.
      const ids = current;
      const results = await runFailFast(
        ids.map((id) => {
          const visit = state.visit(id);
          return (signal: AbortSignal) => runNode(context, state, id, scope, signal, false, visit);
        }),
        context.signal,
      );
      for (const finish of results) finish();
    }
    const next = nextNodes(context, topology, state, current.at(-1) as string);
    if (next.length === 0) break;
    current = next;
  }
  const terminal = state.path.at(-1) as string;
  const record = state.records[terminal];
  const executionContext = { ...state.context(terminal), name: context.spec.name };
  return {
    response: record?.response ?? '',
    agentId: record?.agent ?? '',
    context: { ...executionContext, execution_context: executionContext },
    variables: await resultVariables(context, state),
  };
}

/**
 * Artifact names beside the context: the latest human answer, and the spec's `name` and the time the
 * run finished, which strands-cli's graph examples use as `{{ name }}` and `{{ timestamp }}` (never
 * over a variable of the same name). The time is journaled, so a resumed run reports the one its first
 * completion recorded, and read at the end, so it never adds a journal entry between two nodes.
 */
async function resultVariables(context: Context, state: GraphState): Promise<Record<string, unknown>> {
  const variables: Record<string, unknown> = {};
  if (state.hitlResponse !== undefined) variables.hitl_response = state.hitlResponse;
  if (!('name' in context.variables)) variables.name = context.spec.name;
  if (!('timestamp' in context.variables))
    variables.timestamp = await context.journaled('/pattern/config#finished-at', () =>
      new Date().toISOString(),
    );
  return variables;
}

function checkLimits(
  state: GraphState,
  ids: readonly string[],
  maxIterations: number,
  maxSteps: number,
): void {
  for (const id of ids) {
    if ((state.visits[id] ?? 0) < maxIterations) continue;
    const loop = state.loopAt(id);
    throw new GraphLoopError(
      `Node \`${id}\` would run more than max_iterations (${maxIterations}) times, in the loop ${loop.join(' → ')}`,
      loop,
      "The loop's exit condition never held: check the `when` on the edge out of the loop, or raise pattern.config.max_iterations.",
    );
  }
  if (state.path.length + ids.length <= maxSteps) return;
  const loop = state.loopAt();
  const where = loop.length > 0 ? `, last looping through ${loop.join(' → ')}` : '';
  throw new GraphLoopError(
    `The graph would run more than ${maxSteps} nodes (runtime.budgets.max_steps)${where}: possibly an endless loop`,
    loop,
    'Check the conditions that should end the loop, or raise runtime.budgets.max_steps.',
  );
}

/**
 * Runs one node. Sequential nodes record their result at once; a node running beside others returns
 * the recording as a function, called in `to` order once all of them have finished.
 */
async function runNode(
  context: Context,
  state: GraphState,
  id: string,
  scope: Readonly<Record<string, unknown>>,
  signal: AbortSignal,
  stream: boolean,
  parallelVisit?: number,
): Promise<() => void> {
  const node = context.config.nodes[id] as GraphConfig['nodes'][string];
  const visit = parallelVisit ?? state.visit(id);
  const pointer = `/pattern/config/nodes/${id.replaceAll('~', '~0').replaceAll('/', '~1')}`;
  // A node runs once per visit, so the visit number tells a resumed run which invocation this is.
  const step = { kind: 'node', label: `node '${id}'`, pointer, occurrence: visit };
  let finish: () => void;
  if (!('agent' in node)) {
    const answer = await askHumanStep(context, node, step, scope);
    finish = () => state.finish(id, 'hitl', answer, 0, true);
  } else {
    let input: string;
    try {
      input = context.render(node.input, scope, `${pointer}/input`);
    } catch (error) {
      throw new StepFailedError(step.label, node.agent, error);
    }
    const result = await context.invokeAgent({ agentId: node.agent, input, step, signal, stream });
    const tokens = result.usage.inputTokens + result.usage.outputTokens;
    finish = () => state.finish(id, node.agent, result.text, tokens, false, result.json);
  }
  if (parallelVisit !== undefined) return finish;
  finish();
  return () => {};
}

/** The nodes to run after `id`: its first edge's `to`, or the target of its first true condition. */
function nextNodes(context: Context, topology: GraphTopology, state: GraphState, id: string): string[] {
  const exit = topology.exitOf(id);
  if (exit === undefined) return [];
  if (exit.edge.to !== undefined) return [...new Set(exit.edge.to)];
  const scope = state.scope();
  const choices = exit.edge.choose ?? [];
  for (const [position, choice] of choices.entries()) {
    const condition = parseCondition(choice.when);
    if (condition.kind === 'else') return [choice.to];
    const pointer = `/pattern/config/edges/${exit.index}/choose/${position}/when`;
    if (context.render(conditionTemplate(condition.expression), scope, pointer) === '1') return [choice.to];
  }
  return [];
}
