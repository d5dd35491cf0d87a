import { agentStepSchema } from '@strands-cli/core/executor-utils';
import { z } from 'zod';

/**
 * `pattern.config` of the `map` pattern. Strict, so a typo in a key fails validation with its path.
 *
 * - `agent`: the agent that handles every item.
 * - `items`: a list written in the spec, or a template that renders to a JSON array or to one item per
 *   line (e.g. `"{{ cities | tojson }}"` over an input variable).
 * - `input`: the message for one item; sees `item`, `index` (0-based) and `items`. Default `{{ item }}`.
 * - `reduce`: an optional step that combines the results; its input sees `results` (a list of
 *   `{index, item, response}`) and `items`.
 * - `max_items`: refuses longer lists, so a bad input cannot fan out into thousands of model calls.
 */
export const mapConfigSchema = z.strictObject({
  agent: z.string().min(1),
  items: z.union([z.array(z.unknown()).min(1), z.string().min(1)]),
  input: z.string().optional(),
  reduce: agentStepSchema.optional(),
  max_items: z.int().min(1).max(1000).default(50),
});

/** A validated `map` config. */
export type MapConfig = z.infer<typeof mapConfigSchema>;

/** What one item produced; the `results` list in templates and artifacts. */
export interface MapItemResult {
  readonly index: number;
  readonly item: unknown;
  readonly response: string;
}
