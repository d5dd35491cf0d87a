import { askHumanStep } from '@strands-cli/core/executor-utils';
import type { ExecutorContextV1, ExecutorResultV1 } from '@strands-cli/core/spec';
import { StepFailedError } from '@strands-cli/core/spec';
import { TaskAncestry } from './workflow-ancestry.js';
import type { WorkflowConfig, WorkflowTask } from './workflow-config.js';
import { type ReadyQueueNode, runReadyQueue } from './workflow-ready-queue.js';
import {
  humanTaskRecord,
  latestHumanAncestors,
  type TaskRecord,
  taskRecord,
} from './workflow-task-record.js';

/** A node of the ready queue: one task and its position in `tasks`. */
interface TaskNode extends ReadyQueueNode {
  readonly task: WorkflowTask;
  readonly index: number;
}

/**
 * Runs a `workflow` pattern: every task starts as soon as all of its dependencies have finished and
 * sees `tasks.<id>` for its ancestors only (so what it reads never depends on timing). The first
 * failing task aborts the running ones. The final response is that of the last task, in spec order,
 * among the sinks of the DAG (the tasks nothing depends on); the artifact context is `{ tasks }`.
 * A `type: hitl` task asks a person once its deps are done, while independent tasks keep running;
 * the answer is its `tasks.<id>.response`, and `hitl_response` is the answer of the task's latest
 * human ancestor in spec order (never one that merely finished earlier: that would depend on timing).
 */
export async function runWorkflow(context: ExecutorContextV1<WorkflowConfig>): Promise<ExecutorResultV1> {
  const { tasks } = context.config;
  // Each node carries its task and spec position, so running a node never looks a task up by id.
  const nodes: TaskNode[] = tasks.map((task, index) => ({ id: task.id, deps: task.deps ?? [], task, index }));
  const finished = new Map<string, TaskRecord>();
  const ancestry = new TaskAncestry(tasks);
  const humanAncestor = latestHumanAncestors(tasks, ancestry);
  const records = await runReadyQueue(
    nodes,
    async (node, signal) => {
      // Exactly what validate let this task read (its ancestors, in spec order), never whatever
      // else happens to have finished: results must not depend on timing. A view, since copying every
      // ancestor for every task of a long chain is quadratic; all of them have finished by now.
      const scope: Record<string, unknown> = { tasks: ancestry.view(node.id, (id) => finished.get(id)) };
      const human = humanAncestor.get(node.id);
      if (human !== undefined) scope.hitl_response = finished.get(human)?.response;
      const record = await runTask(context, node.task, node.index, scope, signal);
      finished.set(node.id, record);
      return record;
    },
    context.signal,
  );
  const finalTask = finalTaskOf(tasks);
  const finalRecord = records.get(finalTask.id) as TaskRecord;
  const lastHuman = tasks.findLast((task) => !('agent' in task));
  return {
    response: finalRecord.response,
    agentId: finalRecord.agent,
    context: { tasks: Object.fromEntries(records) },
    // Artifacts see the answer of the last human task in spec order, whatever answered last.
    ...(lastHuman === undefined ? {} : { variables: { hitl_response: records.get(lastHuman.id)?.response } }),
  };
}

async function runTask(
  context: ExecutorContextV1<WorkflowConfig>,
  task: WorkflowTask,
  index: number,
  scope: Readonly<Record<string, unknown>>,
  signal: AbortSignal,
): Promise<TaskRecord> {
  const pointer = `/pattern/config/tasks/${index}`;
  const label = `task '${task.id}'`;
  if (!('agent' in task)) {
    // Task pointers are unique and each task runs once, so the pointer alone is its position.
    return humanTaskRecord(await askHumanStep(context, task, { kind: 'task', label, pointer }, scope));
  }
  let input: string;
  try {
    input = context.render(task.input, scope, `${pointer}/input`);
  } catch (error) {
    throw new StepFailedError(label, task.agent, error);
  }
  // The core names the task and agent of a failed invocation.
  const result = await context.invokeAgent({
    agentId: task.agent,
    input,
    step: { kind: 'task', label, pointer },
    signal,
  });
  return taskRecord(task.agent, result);
}

/** The last task in spec order that no other task depends on. */
function finalTaskOf(tasks: readonly WorkflowTask[]): WorkflowTask {
  const dependedOn = new Set(tasks.flatMap((task) => task.deps ?? []));
  const sinks = tasks.filter((task) => !dependedOn.has(task.id));
  // A DAG always has a sink; the fallback only keeps the types honest.
  return sinks.at(-1) ?? (tasks.at(-1) as WorkflowTask);
}
