import { hitlGateSchema, nonEmptyStringSchema } from '@strands-cli/core/executor-utils';
import * as z from 'zod';

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
