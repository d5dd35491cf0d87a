import { hitlStepSchema, identifierSchema, nonEmptyStringSchema } from '@strands-cli/core/executor-utils';
import * as z from 'zod';

const agentNodeSchema = z.strictObject({ agent: nonEmptyStringSchema, input: z.string().optional() });

const edgeSchema = z
  .strictObject({
    from: identifierSchema,
    to: z.array(identifierSchema).optional(),
    choose: z
      .array(
        z.strictObject({
          when: z.string().meta({ description: 'A condition, or `else`.' }),
          to: identifierSchema,
        }),
      )
      .optional(),
  })
  .refine((edge) => (edge.to === undefined) !== (edge.choose === undefined), {
    message: 'an edge needs exactly one of `to` (a list of nodes) or `choose` (conditions)',
  });

/** Schema of `pattern.config` for `type: graph`. */
export const graphConfigSchema = z.strictObject({
  max_iterations: z.int().min(1).optional().meta({ description: 'Most visits of one node (default 10).' }),
  nodes: z
    .record(z.string(), z.union([agentNodeSchema, hitlStepSchema]))
    .refine((nodes) => Object.keys(nodes).length > 0, { message: 'define at least one node' }),
  edges: z.array(edgeSchema).min(1),
});

/** A validated graph config. */
export type GraphConfig = z.infer<typeof graphConfigSchema>;
