import { toPointer } from '@strands-cli/core/executor-utils';
import type {
  AnalysisIssueV1,
  AnalysisV1,
  PlanEdgeV1,
  PlanNodeV1,
  ReferenceV1,
  TemplateSiteV1,
} from '@strands-cli/core/spec';
import type { OrchestratorWorkersConfig } from './orchestrator-workers-config.js';

const worker = {
  index: 0,
  round: 1,
  task: '<task of worker 1>',
  response: '<response of worker 1>',
  status: 'success',
  tokens: 0,
};
const human = '<human response>';

/**
 * Static analysis of an `orchestrator_workers` config: references, the review gates' patterns, every
 * template with what it can see (the decomposition review: the plan only; the reduce review, reduce
 * and writeup: `workers`, `num_workers`, `round_count`; writeup also `reduce_response`), and the
 * drawing, with the round loop when `max_rounds` is above 1. Worker inputs are the tasks themselves,
 * not templates, so no other place sees `workers`.
 */
export function analyzeOrchestratorWorkers(config: OrchestratorWorkersConfig): AnalysisV1 {
  const agentReferences: ReferenceV1[] = [
    { id: config.orchestrator.agent, pointer: '/pattern/config/orchestrator/agent' },
    { id: config.worker_template.agent, pointer: '/pattern/config/worker_template/agent' },
  ];
  const toolReferences: ReferenceV1[] = (config.worker_template.tools ?? []).map((id, index) => ({
    id,
    pointer: toPointer(['pattern', 'config', 'worker_template', 'tools', index]),
  }));
  const templates: TemplateSiteV1[] = [];
  const issues: AnalysisIssueV1[] = [];
  const maxRounds = config.orchestrator.limits?.max_rounds ?? 1;
  const nodes: PlanNodeV1[] = [
    {
      id: 'orchestrator',
      label: `plan (${config.orchestrator.agent})`,
      agentId: config.orchestrator.agent,
      shape: 'diamond',
    },
  ];
  const edges: PlanEdgeV1[] = [];
  let last = 'orchestrator';
  const link = (id: string, label?: string): void => {
    edges.push(label === undefined ? { from: last, to: id } : { from: last, to: id, label });
    last = id;
  };
  const gates = ['decomposition_review', 'reduce_review'] as const;
  for (const name of gates) {
    const pattern = config[name]?.validation?.pattern;
    if (pattern === undefined) continue;
    try {
      new RegExp(pattern);
    } catch (error) {
      issues.push({
        pointer: `/pattern/config/${name}/validation/pattern`,
        message: `invalid regular expression: ${(error as Error).message}`,
        hint: 'Write a JavaScript regular expression (without surrounding slashes).',
        code: 'schema',
      });
    }
  }
  const review = config.decomposition_review;
  if (review !== undefined) {
    if (review.context_display !== undefined)
      templates.push({
        pointer: '/pattern/config/decomposition_review/context_display',
        template: review.context_display,
        scope: {
          orchestrator_response: '<orchestrator response>',
          tasks: [{ task: worker.task }],
          task_count: 1,
          round: 1,
        },
        hint: 'The decomposition review sees the plan (orchestrator_response, tasks, task_count, round): no worker has run yet.',
      });
    nodes.push({
      id: 'decomposition_review',
      label: 'review plan (approve, feedback or reject)',
      shape: 'round',
    });
    link('decomposition_review');
  }
  nodes.push({
    id: 'workers',
    label: `workers (${config.worker_template.agent})`,
    agentId: config.worker_template.agent,
    shape: 'box',
  });
  link('workers', review === undefined ? 'tasks' : 'approved');
  if (maxRounds > 1)
    edges.push({ from: 'workers', to: 'orchestrator', label: `next round (up to ${maxRounds})` });
  const scope: Record<string, unknown> = { workers: [worker], num_workers: 1, round_count: 1 };
  if (review !== undefined) scope.hitl_response = human;
  const hint = (place: string, extra = ''): string =>
    `${place} sees workers, num_workers, round_count${extra} and last_response.`;
  const reduceReview = config.reduce_review;
  if (reduceReview !== undefined) {
    if (reduceReview.context_display !== undefined)
      templates.push({
        pointer: '/pattern/config/reduce_review/context_display',
        template: reduceReview.context_display,
        scope: { ...scope, worker_count: 1 },
        hint: 'The reduce review sees workers, num_workers, worker_count and round_count.',
      });
    scope.hitl_response = human;
    nodes.push({ id: 'reduce_review', label: 'review results (approve or reject)', shape: 'round' });
    link('reduce_review');
  }
  for (const phase of ['reduce', 'writeup'] as const) {
    const step = config[phase];
    if (!step) continue;
    const pointer = `/pattern/config/${phase}`;
    const phaseScope = { ...scope, last_response: '<response so far>' };
    const extra = phase === 'writeup' && config.reduce !== undefined ? ', reduce_response' : '';
    if ('agent' in step) {
      agentReferences.push({ id: step.agent, pointer: `${pointer}/agent` });
      (step.tool_overrides ?? []).forEach((id, index) => {
        toolReferences.push({
          id,
          pointer: toPointer(['pattern', 'config', phase, 'tool_overrides', index]),
        });
      });
      if (step.input !== undefined)
        templates.push({
          pointer: `${pointer}/input`,
          template: step.input,
          scope: { ...phaseScope, ...step.vars },
          hint: hint(phase, extra),
        });
    } else {
      if (step.context_display !== undefined)
        templates.push({
          pointer: `${pointer}/context_display`,
          template: step.context_display,
          scope: phaseScope,
          hint: hint(phase, extra),
        });
      scope.hitl_response = human;
    }
    nodes.push({
      id: phase,
      label: 'agent' in step ? `${phase} (${step.agent})` : `${phase} (human)`,
      shape: 'box',
    });
    link(phase);
    if (phase === 'reduce') scope.reduce_response = '<response of reduce>';
  }
  return {
    agentReferences,
    toolReferences,
    templates,
    issues,
    graph: { nodes, edges },
    artifactScope: { ...scope, orchestrator_response: '<orchestrator response>', dropped_tasks: [] },
  };
}
