import { HUMAN_AGENT_ID, parsedAnswerPlaceholder } from '@strands-cli/core/executor-utils';
import type {
  AnalysisV1,
  PlanEdgeV1,
  PlanNodeV1,
  ReferenceV1,
  TemplateSiteV1,
  WorkflowSpec,
} from '@strands-cli/core/spec';
import { TaskAncestry } from './workflow-ancestry.js';
import type { WorkflowConfig, WorkflowTask } from './workflow-config.js';
import { checkTaskGraph } from './workflow-graph.js';
import { latestHumanAncestors } from './workflow-task-record.js';

/** The record a finished task leaves in `tasks` (placeholder values for static checks). */
export function taskRecord(task: WorkflowTask, spec?: Readonly<WorkflowSpec>): Record<string, unknown> {
  return {
    response: `<response of task ${task.id}>`,
    status: 'success',
    agent: 'agent' in task ? task.agent : HUMAN_AGENT_ID,
    tokens_estimated: 0,
    usage: { input_tokens: 0, output_tokens: 0 },
    ...parsedAnswerPlaceholder(spec, 'agent' in task ? task.agent : undefined),
  };
}

/** How many visible tasks a hint names: the list of a task deep in a long chain would be huge. */
const listedTasks = 20;

function visibilityHint(task: WorkflowTask, ancestors: readonly string[]): string {
  const named = ancestors.slice(0, listedTasks).map((id) => `tasks.${id}`);
  if (ancestors.length > listedTasks) named.push(`and ${ancestors.length - listedTasks} more`);
  const visible = ancestors.length === 0 ? 'no other task' : named.join(', ');
  return (
    `Task \`${task.id}\` can read ${visible}: only the tasks it depends on, directly or through others. ` +
    'Any other task may still be running or not have started (a race); add it to deps to wait for it.'
  );
}

/**
 * A template site whose scope and hint are built only when read: the check reads one or two
 * ancestors of most tasks and the hint only when a template fails, while building both for every
 * task of a long chain is quadratic.
 */
function site(
  pointer: string,
  template: string,
  task: WorkflowTask,
  ancestry: TaskAncestry,
  records: ReadonlyMap<string, Record<string, unknown>>,
  afterHuman: boolean,
): TemplateSiteV1 {
  const scope: Record<string, unknown> = { tasks: ancestry.view(task.id, (id) => records.get(id)) };
  if (afterHuman) scope.hitl_response = '<human response>';
  let hint: string | undefined;
  return {
    pointer,
    template,
    scope,
    get hint() {
      hint ??= visibilityHint(task, ancestry.list(task.id));
      return hint;
    },
  };
}

/**
 * Static analysis of a `workflow` config: agent references, task graph problems (duplicate ids,
 * unknown deps, cycles naming the tasks), every template with `tasks` holding only its ancestors,
 * and the DAG drawing.
 */
export function analyzeWorkflow(config: WorkflowConfig, spec: Readonly<WorkflowSpec>): AnalysisV1 {
  const agentReferences: ReferenceV1[] = [];
  const templates: TemplateSiteV1[] = [];
  const nodes: PlanNodeV1[] = [];
  const edges: PlanEdgeV1[] = [];
  const records = new Map(config.tasks.map((task) => [task.id, taskRecord(task, spec)]));
  const ancestry = new TaskAncestry(config.tasks);
  const humanAncestor = latestHumanAncestors(config.tasks, ancestry);
  config.tasks.forEach((task, index) => {
    const pointer = `/pattern/config/tasks/${index}`;
    const afterHuman = humanAncestor.has(task.id);
    if ('agent' in task) {
      agentReferences.push({ id: task.agent, pointer: `${pointer}/agent` });
      if (task.input !== undefined)
        templates.push(site(`${pointer}/input`, task.input, task, ancestry, records, afterHuman));
      nodes.push({ id: task.id, label: `${task.id} (${task.agent})`, agentId: task.agent, shape: 'box' });
    } else {
      if (task.context_display !== undefined) {
        templates.push(
          site(`${pointer}/context_display`, task.context_display, task, ancestry, records, afterHuman),
        );
      }
      nodes.push({ id: task.id, label: `${task.id} (human review)`, shape: 'round' });
    }
    for (const dep of new Set(task.deps ?? [])) {
      if (records.has(dep) && dep !== task.id) edges.push({ from: dep, to: task.id });
    }
  });
  return {
    agentReferences,
    toolReferences: [],
    templates,
    issues: checkTaskGraph(config.tasks),
    graph: { nodes, edges },
    artifactScope: {
      tasks: Object.fromEntries(records),
      ...(config.tasks.some((task) => !('agent' in task)) ? { hitl_response: '<human response>' } : {}),
    },
  };
}
