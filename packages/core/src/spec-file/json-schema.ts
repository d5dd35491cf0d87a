import type { ZodType } from 'zod';
import * as z from 'zod';
import { patternByType } from './pattern-json-schema.js';
import { agentEntrySchema } from './schema/tools.js';
import { workflowSpecShape } from './schema/workflow-spec.js';
import { withoutUnionTypes } from './strict-json-schema.js';

/** A JSON Schema document. */
export type JsonSchemaDocument = Record<string, unknown>;

/**
 * Builds the JSON Schema (draft 2020-12) of the spec format for editors, from the zod schemas:
 * `pattern.type` is a known pattern or a plugin's package name, and `config` is checked against the
 * config schema of the executor `type` selects (`executorConfigs`, e.g. the built-in executors) or
 * Agent entries may also be `$ref` to an atomic agent spec. The
 * result compiles under Ajv's strict mode.
 */
export function buildWorkflowJsonSchema(
  executorConfigs: Readonly<Record<string, ZodType>>,
): JsonSchemaDocument {
  const configs: Record<string, ZodType> = {};
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
  const schema = z.toJSONSchema(editorSchema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchemaDocument;
  const properties = schema.properties as Record<string, Record<string, unknown>>;
  properties.pattern = patternByType(properties.pattern as Record<string, unknown>);
  withoutUnionTypes(schema);
  return schema;
}
