import type {
  AnalysisV1,
  PlanEdgeV1,
  PlanNodeV1,
  ReferenceV1,
  TemplateSiteV1,
  WorkflowSpec,
} from '@strands-cli/core/spec';
import type { WorkflowConfig, WorkflowTask } from './workflow-config.js';
import { ancestorsOf, checkTaskGraph } from './workflow-graph.js';

/** The record a finished task leaves in `tasks` (placeholder values for static checks). */
export function taskRecord(task: WorkflowTask): Record<string, unknown> {
  return {
    response: `<response of task ${task.id}>`,
    status: 'success',
    agent: 'agent' in task ? task.agent : 'human',
    tokens_estimated: 0,
    usage: { input_tokens: 0, output_tokens: 0 },
  };
}

function visibilityHint(task: WorkflowTask, ancestors: readonly string[]): string {
  const visible = ancestors.length === 0 ? 'no other task' : ancestors.map((id) => `tasks.${id}`).join(', ');
  return (
    `Task \`${task.id}\` can read ${visible}: only the tasks it depends on, directly or through others. ` +
    'Any other task may still be running or not have started (a race); add it to deps to wait for it.'
  );
}

/**
 * Static analysis of a `workflow` config: agent references, task graph problems (duplicate ids,
 * unknown deps, cycles naming the tasks), every template with `tasks` holding only its ancestors,
 * and the DAG drawing.
 */
export function analyzeWorkflow(config: WorkflowConfig, _spec: Readonly<WorkflowSpec>): AnalysisV1 {
  const agentReferences: ReferenceV1[] = [];
  const templates: TemplateSiteV1[] = [];
  const nodes: PlanNodeV1[] = [];
  const edges: PlanEdgeV1[] = [];
  const records = new Map(config.tasks.map((task) => [task.id, taskRecord(task)]));
  config.tasks.forEach((task, index) => {
    const pointer = `/pattern/config/tasks/${index}`;
    const ancestors = ancestorsOf(task.id, config.tasks);
    const scope = { tasks: Object.fromEntries(ancestors.map((id) => [id, records.get(id)])) };
    const hint = visibilityHint(task, ancestors);
    if ('agent' in task) {
      agentReferences.push({ id: task.agent, pointer: `${pointer}/agent` });
      if (task.input !== undefined)
        templates.push({ pointer: `${pointer}/input`, template: task.input, scope, hint });
      nodes.push({ id: task.id, label: `${task.id} (${task.agent})`, agentId: task.agent, shape: 'box' });
    } else {
      if (task.context_display !== undefined) {
        templates.push({
          pointer: `${pointer}/context_display`,
          template: task.context_display,
          scope,
          hint,
        });
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
    artifactScope: { tasks: Object.fromEntries(records) },
  };
}
