import { nonEmptyStringSchema, stepSchema } from '@strands-cli/core/executor-utils';
import * as z from 'zod';

/** The router: the agent that picks a route, its input, and how often to retry malformed JSON. */
export const routerSchema = z.strictObject({
  agent: nonEmptyStringSchema.meta({ description: 'The agent that answers {"route": "<name>"}.' }),
  input: z.string().optional().meta({ description: 'The router input, a template over the inputs only.' }),
  max_retries: z
    .int()
    .min(0)
    .default(2)
    .meta({ description: 'Extra attempts when the router answer is not valid JSON (default 2).' }),
  review_router: stepSchema.optional().meta({
    description: 'A human review of the chosen route: `approved` keeps it, `route:<name>` overrides it.',
  }),
});

/** One route: the steps it runs as a chain. */
export const routeSchema = z.strictObject({
  // biome-ignore lint/suspicious/noThenProperty: `then` is the spec's key (strands-cli format).
  then: z.array(stepSchema).optional().meta({
    description: 'Steps run as a chain when the router picks this route; they also see router.chosen_route.',
  }),
});

/** Schema of `pattern.config` for `type: routing` (strict: typos fail). */
export const routingConfigSchema = z
  .strictObject({
    router: routerSchema,
    routes: z.record(z.string(), routeSchema).meta({ description: 'Routes by name; the router picks one.' }),
  })
  .meta({ description: 'Routing: a router agent picks one route, which runs as a chain.' });

/** A validated `routing` pattern config. */
export type RoutingConfig = z.infer<typeof routingConfigSchema>;
