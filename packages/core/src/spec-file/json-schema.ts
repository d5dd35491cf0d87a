import type { ZodType } from 'zod';
import * as z from 'zod';
import { plannedPatterns } from './patterns/planned-patterns.js';
import { agentEntrySchema } from './schema/tools.js';
import { workflowSpecShape } from './schema/workflow-spec.js';

/** A JSON Schema document. */
export type JsonSchemaDocument = Record<string, unknown>;

/**
 * Builds the JSON Schema (draft 2020-12) of the spec format for editors, from the zod schemas:
 * `pattern` becomes a union discriminated by `type`, each with the config schema of its executor
 * (`executorConfigs`, e.g. the built-in executors) or of a planned pattern in the core. Agent
 * entries may also be `$ref` to an atomic agent spec.
 */
export function buildWorkflowJsonSchema(
  executorConfigs: Readonly<Record<string, ZodType>>,
): JsonSchemaDocument {
  const configs: Record<string, ZodType> = {};
  for (const [type, planned] of Object.entries(plannedPatterns)) configs[type] = planned.configSchema;
  Object.assign(configs, executorConfigs);
  const options = Object.entries(configs)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, config]) => z.strictObject({ type: z.literal(type), config }));
  const pattern = z
    .discriminatedUnion('type', options as unknown as [z.ZodObject, ...z.ZodObject[]])
    .meta({ description: 'The pattern: its `type` decides the shape of `config`.' });
  const editorSchema = z
    .strictObject({
      ...workflowSpecShape,
      agents: z.record(z.string(), agentEntrySchema).meta({ description: 'The agents, by id.' }),
      pattern,
    })
    .meta({
      title: 'strands workflow spec',
      description:
        'A declarative agentic workflow for the strands command (a superset of strands-cli 0.5). Check a file with `strands validate <file>`.',
    });
  return z.toJSONSchema(editorSchema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchemaDocument;
}
