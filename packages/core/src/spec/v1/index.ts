/**
 * The v1 plugin contract: what executor and model-provider packages implement. No runtime
 * dependencies beyond the error classes.
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
export type * from './model-provider-v1.js';
export type * from './tool-v1.js';
