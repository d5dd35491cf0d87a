/** The `evaluator_optimizer` pattern (strands-cli 0.5): config schema and analysis. Not runnable yet. */
import * as z from 'zod';
import type { AnalysisV1 } from '../../spec/v1/executor-v1.js';
import { hitlGateSchema, nonEmptyStringSchema } from '../schema/common.js';

/** Schema of `pattern.config` for `type: evaluator_optimizer`. */
export const evaluatorOptimizerConfigSchema = z.strictObject({
  producer: nonEmptyStringSchema.meta({ description: 'The agent that writes and revises the draft.' }),
  evaluator: z.strictObject({ agent: nonEmptyStringSchema, input: z.string().optional() }),
  accept: z.strictObject({
    min_score: z.int().min(0).max(100).meta({ description: 'Score (0-100) that accepts the draft.' }),
    max_iters: z.int().min(1).optional().meta({ description: 'Most evaluation rounds (default 3).' }),
  }),
  revise_prompt: z.string().optional(),
  review_gate: hitlGateSchema.optional(),
});

/** A validated evaluator-optimizer config. */
export type EvaluatorOptimizerConfig = z.infer<typeof evaluatorOptimizerConfigSchema>;

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
  };
}
