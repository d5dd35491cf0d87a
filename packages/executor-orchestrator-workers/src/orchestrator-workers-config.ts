import { hitlGateSchema, nonEmptyStringSchema, stepSchema } from '@strands-cli/core/executor-utils';
import * as z from 'zod';

/** Schema of `pattern.config` for `type: orchestrator_workers`. */
export const orchestratorWorkersConfigSchema = z.strictObject({
  orchestrator: z.strictObject({
    agent: nonEmptyStringSchema,
    limits: z
      .strictObject({ max_workers: z.int().min(1).optional(), max_rounds: z.int().min(1).optional() })
      .optional(),
  }),
  decomposition_review: hitlGateSchema.optional(),
  worker_template: z.strictObject({ agent: nonEmptyStringSchema, tools: z.array(z.string()).optional() }),
  reduce_review: hitlGateSchema.optional(),
  reduce: stepSchema.optional(),
  writeup: stepSchema.optional(),
});

/** A validated orchestrator-workers config. */
export type OrchestratorWorkersConfig = z.infer<typeof orchestratorWorkersConfigSchema>;
