import { toPointer } from '@strands-cli/core/executor-utils';
import type {
  AnalysisIssueV1,
  AnalysisV1,
  PlanEdgeV1,
  PlanNodeV1,
  TemplateSiteV1,
  WorkflowSpec,
} from '@strands-cli/core/spec';
import type { EvaluatorOptimizerConfig } from './evaluator-optimizer-config.js';
import { DEFAULT_MAX_ITERS } from './evaluator-optimizer-run.js';

const evaluation = {
  score: 0,
  issues: ['<issue>'],
  fixes: ['<fix>'],
  feedback: '<feedback>',
};

/**
 * Static analysis of an `evaluator_optimizer` config: agent references, every template with what
 * it can see (the producer's prompt: the inputs only; `evaluator.input`: `draft`; `revise_prompt`:
 * `draft`, `evaluation`, `iteration`; the review gate: those plus `iteration_index` and `iterations`),
 * the review gate's answer pattern, the drawing (the revision loop labelled with the score test) and
 * what artifacts see.
 */
export function analyzeEvaluatorOptimizer(
  config: EvaluatorOptimizerConfig,
  spec: Readonly<WorkflowSpec>,
): AnalysisV1 {
  const templates: TemplateSiteV1[] = [];
  const issues: AnalysisIssueV1[] = [];
  const gate = config.review_gate;
  const draft = '<draft>';
  const producerPrompt = Object.hasOwn(spec.agents, config.producer)
    ? spec.agents[config.producer]?.prompt
    : undefined;
  if (producerPrompt !== undefined) {
    templates.push({
      pointer: toPointer(['agents', config.producer, 'prompt']),
      template: producerPrompt,
      scope: {},
      hint: "The producer's prompt is its first request: it sees only the inputs.",
    });
  }
  if (config.evaluator.input !== undefined) {
    templates.push({
      pointer: '/pattern/config/evaluator/input',
      template: config.evaluator.input,
      scope: { draft },
      hint: 'The evaluator input sees the inputs and draft.',
    });
  }
  const iterationScope = { draft, evaluation, iteration: 1 };
  if (config.revise_prompt !== undefined) {
    templates.push({
      pointer: '/pattern/config/revise_prompt',
      template: config.revise_prompt,
      scope: gate === undefined ? iterationScope : { ...iterationScope, hitl_response: '<review answer>' },
      hint: `The revise prompt sees the inputs, draft, evaluation (score, issues, fixes, feedback) and iteration${gate === undefined ? '' : ' and hitl_response'}.`,
    });
  }
  const record = {
    iteration: 1,
    score: 0,
    issues: evaluation.issues,
    fixes: evaluation.fixes,
    draft_preview: draft,
    draft,
    evaluation,
    ...(gate === undefined ? {} : { review: '<review answer>' }),
  };
  const maxIters = config.accept.max_iters ?? DEFAULT_MAX_ITERS;
  if (gate?.context_display !== undefined) {
    templates.push({
      pointer: '/pattern/config/review_gate/context_display',
      template: gate.context_display,
      scope: {
        ...iterationScope,
        iteration_index: 0,
        iterations: [record],
        min_score: config.accept.min_score,
        max_iters: maxIters,
      },
      hint: 'The review gate sees the inputs, draft, evaluation, iteration, iteration_index (from 0), iterations (evaluated so far), min_score and max_iters.',
    });
  }
  const pattern = gate?.validation?.pattern;
  if (pattern !== undefined && !compiles(pattern)) {
    issues.push({
      pointer: '/pattern/config/review_gate/validation/pattern',
      message: `the review gate's pattern ${JSON.stringify(pattern)} is not a valid regular expression`,
      hint: 'Fix the regular expression (JavaScript syntax), e.g. ^(approve|continue|.+)$.',
      code: 'schema',
    });
  }
  const summary = {
    iterations: 1,
    final_score: 0,
    min_score: config.accept.min_score,
    max_iters: maxIters,
    history: [record],
    last_evaluation: evaluation,
  };
  return {
    agentReferences: [
      { id: config.producer, pointer: '/pattern/config/producer' },
      { id: config.evaluator.agent, pointer: '/pattern/config/evaluator/agent' },
    ],
    toolReferences: [],
    templates,
    issues,
    graph: drawing(config),
    artifactScope: { ...summary, execution_context: summary },
  };
}

function drawing(config: EvaluatorOptimizerConfig): AnalysisV1['graph'] {
  const loop = `score < min_score (${config.accept.min_score})`;
  const nodes: PlanNodeV1[] = [
    { id: 'producer', label: `produce (${config.producer})`, agentId: config.producer, shape: 'box' },
    {
      id: 'evaluator',
      label: `evaluate (${config.evaluator.agent})`,
      agentId: config.evaluator.agent,
      shape: 'diamond',
    },
  ];
  const edges: PlanEdgeV1[] = [{ from: 'producer', to: 'evaluator' }];
  if (config.review_gate === undefined) {
    edges.push({ from: 'evaluator', to: 'producer', label: loop });
  } else {
    nodes.push({ id: 'review', label: 'review (approve, continue or feedback)', shape: 'round' });
    edges.push(
      { from: 'evaluator', to: 'review', label: loop },
      { from: 'review', to: 'producer', label: 'revise' },
    );
  }
  return { nodes, edges };
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}
