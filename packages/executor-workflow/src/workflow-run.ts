import type { ExecutorContextV1, ExecutorResultV1 } from '@strands-cli/core/spec';
import { StepFailedError, UnsupportedFeatureError } from '@strands-cli/core/spec';
import { TaskAncestry } from './workflow-ancestry.js';
import type { WorkflowConfig, WorkflowTask } from './workflow-config.js';
import { type ReadyQueueNode, runReadyQueue } from './workflow-ready-queue.js';
import { type TaskRecord, taskRecord } from './workflow-task-record.js';

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
 */
export async function runWorkflow(context: ExecutorContextV1<WorkflowConfig>): Promise<ExecutorResultV1> {
  const { tasks } = context.config;
  // Each node carries its task and spec position, so running a node never looks a task up by id.
  const nodes: TaskNode[] = tasks.map((task, index) => ({ id: task.id, deps: task.deps ?? [], task, index }));
  const finished = new Map<string, TaskRecord>();
  const ancestry = new TaskAncestry(tasks);
  const records = await runReadyQueue(
    nodes,
    async (node, signal) => {
      // Exactly what validate let this task read (its ancestors, in spec order), never whatever
      // else happens to have finished: results must not depend on timing. A view, since copying every
      // ancestor for every task of a long chain is quadratic; all of them have finished by now.
      const scopeTasks = ancestry.view(node.id, (id) => finished.get(id));
      const record = await runTask(context, node.task, node.index, scopeTasks, signal);
      finished.set(node.id, record);
      return record;
    },
    context.signal,
  );
  const finalTask = finalTaskOf(tasks);
  const finalRecord = records.get(finalTask.id) as TaskRecord;
  return {
    response: finalRecord.response,
    agentId: finalRecord.agent,
    context: { tasks: Object.fromEntries(records) },
  };
}

async function runTask(
  context: ExecutorContextV1<WorkflowConfig>,
  task: WorkflowTask,
  index: number,
  scopeTasks: Readonly<Record<string, unknown>>,
  signal: AbortSignal,
): Promise<TaskRecord> {
  const pointer = `/pattern/config/tasks/${index}`;
  const label = `task '${task.id}'`;
  if (!('agent' in task)) {
    throw new UnsupportedFeatureError([
      {
        pointer,
        reason: `${label} is a human-in-the-loop task, which this version cannot run`,
        remediation: 'Replace the task with an agent task, or remove it.',
      },
    ]);
  }
  let input: string;
  try {
    input = context.render(task.input, { tasks: scopeTasks }, `${pointer}/input`);
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
