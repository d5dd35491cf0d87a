/**
 * The shape of a validated workflow spec, as plugins see it (`ExecutorContextV1.spec`,
 * `ExecutorV1.analyze`). Written out here rather than inferred from the zod schema so that the contract
 * depends on nothing else in the core; the schema in `spec-file/schema` is checked at compile time to
 * produce exactly these types, so the two cannot drift. They are type aliases, not interfaces, so that
 * (like the inferred types they replace) they fit `Record<string, unknown>`.
 */

import type { AgentSpec, InferenceSpec, ToolsSpec } from './agent-spec-v1.js';

export type * from './agent-spec-v1.js';

/** An agent step: used by chain steps, route `then`, branch steps and `reduce`. */
export type AgentStepSpec = {
  /** The id of an agent in `agents`. */
  agent: string;
  /** The user message, a template. Empty when omitted. */
  input?: string | undefined;
  /** Template variables for this step only; they override every other name. */
  vars?: Record<string, string | number | boolean> | undefined;
  /** Tool ids that replace the agent's own tools for this step. */
  tool_overrides?: string[] | undefined;
};

/** A human-in-the-loop step: pauses the workflow for a human answer. */
export type HitlStepSpec = {
  type: 'hitl';
  /** What the person is asked. */
  prompt: string;
  /** A template shown to the person for context. */
  context_display?: string | undefined;
  /** The answer used when none is given. */
  default?: string | undefined;
  /** Seconds before the default applies (0 = never). */
  timeout_seconds?: number | undefined;
};

/** A chain/branch/route step: an agent step or a human-in-the-loop step. */
export type StepSpec = AgentStepSpec | HitlStepSpec;

/** `runtime.budgets`: limits that stop the run when crossed. */
export type BudgetsSpec = {
  max_steps?: number | undefined;
  max_tokens?: number | undefined;
  max_duration_s?: number | undefined;
  /** Fraction of a budget at which a warning is printed. */
  warn_threshold?: number | undefined;
};

/** `runtime.failure_policy`: how model calls are retried. */
export type FailurePolicySpec = {
  retries?: number | undefined;
  backoff?: 'constant' | 'exponential' | 'jittered' | undefined;
  wait_min?: number | undefined;
  wait_max?: number | undefined;
};

/** `runtime.rate_limit`: provider request limits, counted per endpoint. */
export type RateLimitSpec = {
  requests_per_second?: number | undefined;
  requests_per_minute?: number | undefined;
  max_concurrent?: number | undefined;
};

/** `runtime`: provider, model, inference defaults, budgets and the retry policy. */
export type RuntimeSpec = InferenceSpec & {
  provider: string;
  model_id?: string | undefined;
  region?: string | undefined;
  host?: string | undefined;
  max_parallel?: number | undefined;
  rate_limit?: RateLimitSpec | undefined;
  budgets?: BudgetsSpec | undefined;
  failure_policy?: FailurePolicySpec | undefined;
};

/** The type names an input may declare. */
export type InputTypeName = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';

/** One input declaration: a type name, or `{type, description, default, enum}`. */
export type InputSpec =
  | InputTypeName
  | {
      type: InputTypeName;
      description?: string | undefined;
      default?: unknown;
      enum?: unknown[] | undefined;
    };

/** `inputs`: declared parameters and their values. */
export type InputsSpec = {
  required?: Record<string, InputSpec> | undefined;
  optional?: Record<string, InputSpec> | undefined;
  values?: Record<string, string | number | boolean | unknown[] | Record<string, unknown>> | undefined;
};

/** One `env.secrets[]` entry. */
export type SecretSpec = {
  key: string;
  source: 'env' | 'secrets_manager' | 'ssm' | 'file';
  name?: string | undefined;
  path?: string | undefined;
};

/** `env`: secrets and file-system mounts. */
export type EnvSpec = {
  secrets?: SecretSpec[] | undefined;
  mounts?: Record<string, string> | undefined;
};

/** `telemetry`: OpenTelemetry export, opt-in content capture and its redaction rules. */
export type TelemetrySpec = {
  capture_content?: boolean | undefined;
  otel?:
    | { endpoint?: string | undefined; service_name?: string | undefined; sample_ratio?: number | undefined }
    | undefined;
  redact?:
    | {
        tool_inputs?: boolean | undefined;
        tool_outputs?: boolean | undefined;
        custom_patterns?: string[] | undefined;
      }
    | undefined;
};

/** `context_policy`: workflow notes, compaction and just-in-time retrieval. */
export type ContextPolicySpec = {
  compaction?:
    | {
        enabled?: boolean | undefined;
        when_tokens_over?: number | undefined;
        summary_ratio?: number | undefined;
        preserve_recent_messages?: number | undefined;
        summarization_model?: string | undefined;
      }
    | undefined;
  notes?:
    | { file: string; include_last?: number | undefined; format?: 'markdown' | 'json' | undefined }
    | undefined;
  retrieval?: { jit_tools?: string[] | undefined; mcp_servers?: string[] | undefined } | undefined;
};

/** One `skills[]` entry. */
export type SkillSpec = {
  id: string;
  path: string;
  description?: string | undefined;
  preload_metadata?: boolean | undefined;
};

/** `security` (accepted; not enforced in this version). */
export type SecuritySpec = {
  guardrails?:
    | {
        deny_network?: boolean | undefined;
        pii_redaction?: boolean | undefined;
        allow_tools?: string[] | undefined;
      }
    | undefined;
};

/** `metadata`: descriptive labels. */
export type MetadataSpec = {
  name?: string | undefined;
  description?: string | undefined;
  labels?: Record<string, string> | undefined;
};

/** One `outputs.artifacts[]` entry: both fields are templates. */
export type ArtifactSpec = {
  path: string;
  from: string;
};

/** `outputs`: files written after a successful run. */
export type OutputsSpec = {
  artifacts?: ArtifactSpec[] | undefined;
};

/** `pattern`: its `config` is validated by the executor that owns `type`. */
export type PatternSpec = {
  type: string;
  config: unknown;
};

/** A validated workflow spec. */
export type WorkflowSpec = {
  $schema?: string | undefined;
  /** Opaque. */
  version: number | string;
  name: string;
  description?: string | undefined;
  tags?: string[] | undefined;
  metadata?: MetadataSpec | undefined;
  runtime: RuntimeSpec;
  inputs?: InputsSpec | undefined;
  env?: EnvSpec | undefined;
  telemetry?: TelemetrySpec | undefined;
  context_policy?: ContextPolicySpec | undefined;
  skills?: SkillSpec[] | undefined;
  security?: SecuritySpec | undefined;
  tools?: ToolsSpec | undefined;
  /** The agents, by id. */
  agents: Record<string, AgentSpec>;
  pattern: PatternSpec;
  outputs?: OutputsSpec | undefined;
};
