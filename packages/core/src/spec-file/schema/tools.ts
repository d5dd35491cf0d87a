/** The `tools` section and agent definitions. */
import * as z from 'zod';
import { maxTimerMs } from '../../timers/safe-timeout.js';
import { identifierSchema, inferenceSchema, nonEmptyStringSchema } from './common.js';

/** One `tools.http_executors[]` entry. */
export const httpExecutorSchema = z.strictObject({
  id: identifierSchema,
  base_url: nonEmptyStringSchema.meta({
    description: 'Requests go to this URL plus the path the agent gives.',
  }),
  headers: z.record(z.string(), z.string()).optional().meta({
    description:
      'Sent with every request; environment variables written with a dollar sign and braces are expanded.',
  }),
  timeout_ms: z.int().min(1).max(maxTimerMs).optional(),
  description: z.string().optional(),
  examples: z
    .array(
      z.strictObject({
        description: z.string().optional(),
        method: z.string().optional(),
        path: z.string().optional(),
        json_data: z.unknown().optional(),
      }),
    )
    .optional(),
  common_endpoints: z
    .array(
      z.strictObject({ method: z.string().optional(), path: z.string(), description: z.string().optional() }),
    )
    .optional(),
  response_format: z.string().optional(),
  authentication_info: z.string().optional(),
});

/** One `tools.mcp[]` entry: a stdio server (`command`) or an HTTP server (`url`). */
export const mcpServerSchema = z
  .strictObject({
    id: identifierSchema,
    command: nonEmptyStringSchema
      .optional()
      .meta({ description: 'Starts a stdio server: the program to run.' }),
    args: z.array(z.string()).optional(),
    env: z.record(z.string(), z.string()).optional().meta({
      description:
        'Added to the minimal environment the server gets (PATH, HOME, ...); environment variables written with a dollar sign and braces are expanded.',
    }),
    cwd: nonEmptyStringSchema.optional().meta({ description: "The server's working directory." }),
    url: nonEmptyStringSchema
      .optional()
      .meta({ description: 'A Streamable HTTP server: its endpoint URL (http or https).' }),
    headers: z.record(z.string(), z.string()).optional().meta({
      description:
        'Sent with every request; environment variables written with a dollar sign and braces are expanded.',
    }),
    optional: z.boolean().optional().meta({
      description: 'When the server cannot start, warn and run without its tools instead of failing.',
    }),
  })
  .refine((server) => (server.command === undefined) !== (server.url === undefined), {
    message: 'an MCP server needs exactly one of `command` (stdio) or `url` (HTTP)',
  })
  .refine((server) => server.url === undefined || (server.args ?? server.env ?? server.cwd) === undefined, {
    message: '`args`, `env` and `cwd` belong to a stdio server (`command`), not to an HTTP one (`url`)',
  })
  .refine((server) => server.command === undefined || server.headers === undefined, {
    message: '`headers` belong to an HTTP server (`url`), not to a stdio one (`command`)',
  });

/** `tools`. */
export const toolsSchema = z
  .strictObject({
    python: z
      .array(z.union([z.string(), z.strictObject({ callable: z.string() })]))
      .optional()
      .meta({ description: 'Native tools by name or strands-cli module path (e.g. `http_request`).' }),
    mcp: z
      .array(mcpServerSchema)
      .optional()
      .meta({ description: 'MCP tool servers, started once per run when an agent first uses them.' }),
    http_executors: z.array(httpExecutorSchema).optional(),
  })
  .meta({ description: 'Tools agents can use.' });

const schemaReference = z.union([z.string(), z.record(z.string(), z.unknown())]);

/** One entry of `agents`. */
export const agentSchema = z.strictObject({
  prompt: z.string().meta({ description: 'The system prompt (used verbatim, not a template).' }),
  tools: z.array(z.string()).optional().meta({ description: 'Tool ids this agent may use.' }),
  provider: z.string().optional().meta({ description: 'Overrides runtime.provider for this agent.' }),
  model_id: z.string().optional().meta({ description: 'Overrides runtime.model_id for this agent.' }),
  inference: inferenceSchema.optional(),
  description: z.string().optional(),
  input_schema: schemaReference.optional().meta({ description: 'JSON Schema of the input (atomic agents).' }),
  output_schema: schemaReference
    .optional()
    .meta({ description: 'JSON Schema of the output (atomic agents).' }),
  region: z.string().optional(),
  host: z.string().optional(),
});

/**
 * What an editor sees for an agent entry: a full agent, or `$ref` to an atomic agent's spec file
 * plus overrides. (The loader resolves `$ref` before validation, so the core schema never sees it.)
 */
export const agentEntrySchema = z.union([
  agentSchema,
  agentSchema.partial().extend({
    $ref: z.string().meta({ description: "Path of an atomic agent's spec, relative to this file." }),
  }),
]);
