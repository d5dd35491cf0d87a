/**
 * The workflow spec format (a superset of strands-cli 0.5), in zod. The single source of truth: types
 * are inferred from it and the published JSON Schema is generated from it. `pattern.config` is
 * validated separately by the executor (or known pattern schema) that owns `pattern.type`.
 *
 * NOTE(foundation): the base shapes below are complete for the core keys; the issue-2 work refines the
 * secondary sections (telemetry, context_policy, skills, MCP, metadata) and keeps them strict.
 */
import { z } from 'zod';

/** `^[A-Za-z0-9._:-]+$`: ids of tasks, branches, tools, secrets, skills. */
export const identifierSchema = z.string().regex(/^[A-Za-z0-9._:-]+$/, {
  message: 'must contain only letters, digits, ".", "_", ":" and "-"',
});
const nonEmpty = z.string().min(1);

export const inferenceSchema = z.strictObject({
  temperature: z.number().min(0).max(2).optional(),
  top_p: z.number().min(0).max(1).optional(),
  max_tokens: z.int().min(1).optional(),
});

export const budgetsSchema = z.strictObject({
  max_steps: z.int().min(1).optional(),
  max_tokens: z.int().min(1).optional(),
  max_duration_s: z.number().positive().optional(),
  warn_threshold: z.number().gt(0).max(1).optional(),
});

export const failurePolicySchema = z.strictObject({
  retries: z.int().min(0).optional(),
  backoff: z.enum(['constant', 'exponential', 'jittered']).optional(),
  wait_min: z.number().min(0).optional(),
  wait_max: z.number().min(0).optional(),
});

export const runtimeSchema = z.strictObject({
  provider: nonEmpty,
  model_id: z.string().optional(),
  region: z.string().optional(),
  host: z.string().optional(),
  temperature: z.number().min(0).max(2).optional(),
  top_p: z.number().min(0).max(1).optional(),
  max_tokens: z.int().min(1).optional(),
  max_parallel: z.int().min(1).optional(),
  budgets: budgetsSchema.optional(),
  failure_policy: failurePolicySchema.optional(),
});

const inputTypeName = z.enum(['string', 'number', 'integer', 'boolean', 'array', 'object']);
const scalar = z.union([z.string(), z.number(), z.boolean()]);
export const inputSpecSchema = z.union([
  inputTypeName,
  z.strictObject({
    type: inputTypeName,
    description: z.string().optional(),
    default: z.unknown().optional(),
    enum: z.array(z.unknown()).optional(),
  }),
]);
export const inputsSchema = z.strictObject({
  required: z.record(z.string(), inputSpecSchema).optional(),
  optional: z.record(z.string(), inputSpecSchema).optional(),
  values: z
    .record(z.string(), z.union([scalar, z.array(z.unknown()), z.record(z.string(), z.unknown())]))
    .optional(),
});

export const secretSchema = z.strictObject({
  key: identifierSchema,
  source: z.enum(['env', 'secrets_manager', 'ssm', 'file']),
  name: z.string().optional(),
  path: z.string().optional(),
});
export const envSchema = z.strictObject({
  secrets: z.array(secretSchema).optional(),
  mounts: z.record(z.string(), z.string()).optional(),
});

export const httpExecutorSchema = z.strictObject({
  id: identifierSchema,
  base_url: nonEmpty,
  headers: z.record(z.string(), z.string()).optional(),
  timeout_ms: z.int().min(1).optional(),
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
    .array(z.strictObject({ method: z.string(), path: z.string(), description: z.string().optional() }))
    .optional(),
  response_format: z.string().optional(),
  authentication_info: z.string().optional(),
});

export const mcpServerSchema = z.strictObject({
  id: z.string().optional(),
  command: z.string().optional(),
  args: z.array(z.string()).optional(),
  env: z.record(z.string(), z.string()).optional(),
  url: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
});

export const toolsSchema = z.strictObject({
  python: z.array(z.union([z.string(), z.strictObject({ callable: z.string() })])).optional(),
  mcp: z.array(mcpServerSchema).optional(),
  http_executors: z.array(httpExecutorSchema).optional(),
});

export const agentSchema = z.strictObject({
  prompt: z.string(),
  tools: z.array(z.string()).optional(),
  provider: z.string().optional(),
  model_id: z.string().optional(),
  inference: inferenceSchema.optional(),
  description: z.string().optional(),
  input_schema: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  output_schema: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  region: z.string().optional(),
  host: z.string().optional(),
});

/** An agent step: used by chain steps, route `then`, branch steps and `reduce`. */
export const agentStepSchema = z.strictObject({
  agent: nonEmpty,
  input: z.string().optional(),
  vars: z.record(z.string(), scalar).optional(),
  tool_overrides: z.array(z.string()).optional(),
});

/** A human-in-the-loop step (accepted; reported by the capability check until sessions exist). */
export const hitlStepSchema = z.strictObject({
  type: z.literal('hitl'),
  prompt: z.string(),
  context_display: z.string().optional(),
  default: z.string().optional(),
  timeout_seconds: z.int().min(0).optional(),
});

export const stepSchema = z.union([agentStepSchema, hitlStepSchema]);

export const artifactSchema = z.strictObject({ path: nonEmpty, from: z.string() });
export const outputsSchema = z.strictObject({ artifacts: z.array(artifactSchema).optional() });

export const patternSchema = z.strictObject({
  type: nonEmpty,
  /** Validated by the executor that owns `type`. */
  config: z.unknown(),
});

export const workflowSpecSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.union([z.int(), z.string()]),
  name: nonEmpty,
  description: z.string().optional(),
  tags: z.array(z.string()).optional(),
  metadata: z
    .strictObject({
      name: z.string().optional(),
      description: z.string().optional(),
      labels: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
  runtime: runtimeSchema,
  inputs: inputsSchema.optional(),
  env: envSchema.optional(),
  telemetry: z.record(z.string(), z.unknown()).optional(),
  context_policy: z.record(z.string(), z.unknown()).optional(),
  skills: z.array(z.record(z.string(), z.unknown())).optional(),
  security: z.record(z.string(), z.unknown()).optional(),
  tools: toolsSchema.optional(),
  agents: z.record(z.string(), agentSchema).refine((agents) => Object.keys(agents).length > 0, {
    message: 'define at least one agent',
  }),
  pattern: patternSchema,
  outputs: outputsSchema.optional(),
});

/** A validated workflow spec. */
export type WorkflowSpec = z.infer<typeof workflowSpecSchema>;
/** One entry of `agents`. */
export type AgentSpec = z.infer<typeof agentSchema>;
/** A chain/branch/route step. */
export type StepSpec = z.infer<typeof stepSchema>;
/** An agent step. */
export type AgentStepSpec = z.infer<typeof agentStepSchema>;
/** `runtime`. */
export type RuntimeSpec = z.infer<typeof runtimeSchema>;
/** One `tools.http_executors[]` entry. */
export type HttpExecutorSpec = z.infer<typeof httpExecutorSchema>;
