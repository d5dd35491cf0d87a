import type { AnalysisV1 } from '@strands-cli/core/spec';
import type { EvaluatorOptimizerConfig } from './evaluator-optimizer-config.js';

/** Agent references and the drawing of an evaluator-optimizer config. */
export function analyzeEvaluatorOptimizer(config: EvaluatorOptimizerConfig): AnalysisV1 {
  return {
    agentReferences: [
      { id: config.producer, pointer: '/pattern/config/producer' },
      { id: config.evaluator.agent, pointer: '/pattern/config/evaluator/agent' },
    ],
    toolReferences: [],
    templates: [],
    issues: [],
    graph: {
      nodes: [
        { id: 'producer', label: `produce (${config.producer})`, agentId: config.producer, shape: 'box' },
        {
          id: 'evaluator',
          label: `evaluate (${config.evaluator.agent})`,
          agentId: config.evaluator.agent,
          shape: 'diamond',
        },
      ],
      edges: [
        { from: 'producer', to: 'evaluator' },
        { from: 'evaluator', to: 'producer', label: `score < ${config.accept.min_score}` },
      ],
    },
    artifactScope: {
      iterations: 0,
      final_score: 0,
      min_score: config.accept.min_score,
      max_iters: 0,
      history: [],
      last_evaluation: { score: 0, issues: [], fixes: [], feedback: '' },
    },
  };
}
