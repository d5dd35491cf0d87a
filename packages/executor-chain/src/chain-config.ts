import { z } from 'zod';

/** Schema of `pattern.config` for `type: chain` (strict: typos fail). */
export const chainConfigSchema = z.strictObject({}).passthrough();

/** A validated `chain` pattern config. */
export type ChainConfig = z.infer<typeof chainConfigSchema>;
