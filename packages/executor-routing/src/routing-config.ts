import { z } from 'zod';

/** Schema of `pattern.config` for `type: routing` (strict: typos fail). */
export const routingConfigSchema = z.strictObject({}).passthrough();

/** A validated `routing` pattern config. */
export type RoutingConfig = z.infer<typeof routingConfigSchema>;
