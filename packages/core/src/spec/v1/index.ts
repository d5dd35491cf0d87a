/**
 * The v1 plugin contract: what executor and model-provider packages implement. No runtime
 * dependencies beyond the error classes and small pure helpers plugins share (fail-fast
 * concurrency, a provider's lazily opened transport and streamed turn, reading network errors, HTTP
 * statuses and `Retry-After`).
 */

export type {
  AgentSpec,
  AgentStepSpec,
  HitlStepSpec,
  HttpExecutorSpec,
  RuntimeSpec,
  StepSpec,
  WorkflowSpec,
} from '../../spec-file/schema/workflow-spec.js';
export {
  agentStepSchema,
  hitlStepSchema,
  identifierSchema,
  nonEmptyStringSchema,
  stepSchema,
} from '../../spec-file/schema/workflow-spec.js';
export * from './define.js';
export * from './errors.js';
export type * from './executor-v1.js';
export * from './fail-fast.js';
export * from './lazy-transport.js';
export * from './model-provider-v1.js';
export * from './network-errors.js';
export * from './placeholder-step-record.js';
export * from './retry-after.js';
export * from './status-kind.js';
export * from './stream-deltas.js';
export type * from './tool-v1.js';
