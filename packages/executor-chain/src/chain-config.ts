import { stepSchema } from '@strands-cli/core/executor-utils';
import * as z from 'zod';

/** Schema of `pattern.config` for `type: chain` (strict: typos fail). */
export const chainConfigSchema = z
  .strictObject({
    steps: z
      .array(stepSchema)
      .min(1, { message: 'a chain needs at least one step' })
      .meta({ description: 'Steps run in order; step i sees steps[0] to steps[i-1] in its templates.' }),
  })
  .meta({ description: 'A chain: steps run one after another.' });

/** A validated `chain` pattern config. */
export type ChainConfig = z.infer<typeof chainConfigSchema>;
