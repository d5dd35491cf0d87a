import { z } from 'zod';

/** Schema of `pattern.config` for `type: parallel` (strict: typos fail). */
export const parallelConfigSchema = z.strictObject({}).passthrough();

/** A validated `parallel` pattern config. */
export type ParallelConfig = z.infer<typeof parallelConfigSchema>;
