/**
 * Building blocks shared by the spec sections: inference parameters. The ids, step shapes and the
 * review gate are the contract's (executor config schemas use the same values) and are re-exported here.
 */
import * as z from 'zod';

export {
  agentStepSchema,
  hitlGateSchema,
  hitlStepSchema,
  identifierSchema,
  nonEmptyStringSchema,
  stepSchema,
} from '../../executor-utils/step-schemas.js';

/** Sampling parameters (runtime-wide or per agent). */
export const inferenceSchema = z
  .strictObject({
    temperature: z.number().min(0).max(2).optional().meta({ description: 'Sampling temperature, 0 to 2.' }),
    top_p: z.number().min(0).max(1).optional().meta({ description: 'Nucleus sampling, 0 to 1.' }),
    max_tokens: z.int().min(1).optional().meta({ description: 'Cap on output tokens per model call.' }),
  })
  .meta({ description: 'Inference parameters; each provider applies the ones it supports.' });
