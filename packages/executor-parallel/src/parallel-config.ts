import { identifierSchema, stepSchema } from '@strands-cli/core/executor-utils';
import * as z from 'zod';

/** One branch: an id and the steps it runs in order. */
export const branchSchema = z.strictObject({
  id: identifierSchema.meta({ description: 'The branch id; reduce reads {{ branches.<id>.response }}.' }),
  steps: z.array(stepSchema).min(1, { message: 'a branch needs at least one step' }),
});

/** Schema of `pattern.config` for `type: parallel` (strict: typos fail). */
export const parallelConfigSchema = z
  .strictObject({
    branches: z
      .array(branchSchema)
      .min(2, { message: 'a parallel pattern needs at least 2 branches (use a chain for one)' })
      .meta({ description: 'Branches run at the same time; each runs its own steps in order.' }),
    reduce: stepSchema
      .optional()
      .meta({ description: 'A final step that sees every branch result as branches.<id>.response.' }),
  })
  .meta({ description: 'Parallel branches, then an optional reduce step.' });

/** A validated `parallel` pattern config. */
export type ParallelConfig = z.infer<typeof parallelConfigSchema>;
