/**
 * The workflow spec format (a superset of strands-cli 0.5), in zod. The single source of truth: types
 * are inferred from it and the published JSON Schema is generated from it. `pattern.config` is
 * validated separately by the executor that owns `pattern.type`.
 */
import * as z from 'zod';
import { builtinPatternTypes } from '../../plugins/builtin-plugins.js';
import type {
  AgentSpec,
  HttpExecutorSpec,
  InputsSpec,
  RuntimeSpec,
  ToolsSpec,
  WorkflowSpec,
} from '../../spec/v1/workflow-spec-v1.js';
import { nonEmptyStringSchema } from './common.js';
import { inputsSchema } from './inputs.js';
import { runtimeSchema } from './runtime.js';
import {
  contextPolicySchema,
  envSchema,
  metadataSchema,
  outputsSchema,
  securitySchema,
  skillSchema,
  telemetrySchema,
} from './sections.js';
import { agentSchema, type httpExecutorSchema, toolsSchema } from './tools.js';

export * from './common.js';
export * from './inputs.js';
export * from './runtime.js';
export * from './sections.js';
export * from './tools.js';

const tagPattern = /^[a-z0-9][a-z0-9._-]*$/;

/** `tags`: unique lowercase words. */
export const tagsSchema = z
  .array(
    z.string().regex(tagPattern, {
      message: 'a tag is lowercase letters and digits, then also ".", "_" or "-" (e.g. `research`)',
    }),
  )
  .refine((tags) => new Set(tags).size === tags.length, { message: 'tags must not repeat' });

/** `pattern`: its `config` is validated by the schema that belongs to `type`. */
export const patternSchema = z.strictObject({
  type: nonEmptyStringSchema.meta({
    description: `${builtinPatternTypes.join(', ')}, or an executor plugin's package name.`,
  }),
  /** Validated by the executor that owns `type`. */
  config: z.unknown(),
});

/** The top-level shape, shared by the core schema and the editor schema. */
export const workflowSpecShape = {
  $schema: z.string().optional(),
  version: z.union([z.int(), z.string()]).meta({ description: 'Opaque; use 0.' }),
  name: nonEmptyStringSchema.meta({ description: 'The workflow name, used in logs and report file names.' }),
  description: z.string().optional(),
  tags: tagsSchema.optional(),
  metadata: metadataSchema.optional(),
  runtime: runtimeSchema,
  inputs: inputsSchema.optional(),
  env: envSchema.optional(),
  telemetry: telemetrySchema.optional(),
  context_policy: contextPolicySchema.optional(),
  skills: z.array(skillSchema).optional().meta({ description: 'Skill folders agents may load.' }),
  security: securitySchema.optional(),
  tools: toolsSchema.optional(),
  agents: z
    .record(z.string(), agentSchema)
    .refine((agents) => Object.keys(agents).length > 0, { message: 'define at least one agent' })
    .meta({ description: 'The agents, by id.' }),
  pattern: patternSchema,
  outputs: outputsSchema.optional(),
};

/** The whole spec (with `pattern.config` left to the pattern's own schema). */
export const workflowSpecSchema = z.strictObject(workflowSpecShape);

export type {
  AgentSpec,
  AgentStepSpec,
  HitlStepSpec,
  HttpExecutorSpec,
  RuntimeSpec,
  StepSpec,
  WorkflowSpec,
} from '../../spec/v1/workflow-spec-v1.js';

/** True when `A` and `B` are assignable to each other. */
type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// The contract writes these types out so it depends on nothing else in the core; this fails to compile
// when the schema and the contract's types disagree, so the two cannot drift.
const schemaMatchesContract: [
  SameType<z.infer<typeof workflowSpecSchema>, WorkflowSpec>,
  SameType<z.infer<typeof agentSchema>, AgentSpec>,
  SameType<z.infer<typeof runtimeSchema>, RuntimeSpec>,
  SameType<z.infer<typeof httpExecutorSchema>, HttpExecutorSpec>,
  SameType<z.infer<typeof toolsSchema>, ToolsSpec>,
  SameType<z.infer<typeof inputsSchema>, InputsSpec>,
] = [true, true, true, true, true, true];
void schemaMatchesContract;
