import { z } from 'zod';

/** Schema of `pattern.config` for `type: workflow` (strict: typos fail). */
export const workflowConfigSchema = z.strictObject({}).passthrough();

/** A validated `workflow` pattern config. */
export type WorkflowConfig = z.infer<typeof workflowConfigSchema>;
