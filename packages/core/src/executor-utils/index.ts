/**
 * Helpers executor packages share, beside the contract: fail-fast concurrency for sibling tasks and
 * the placeholder step record `analyze` puts in template scopes, and asking a human-in-the-loop step. They import only the contract.
 */

export { type FailFastTask, runFailFast } from './fail-fast.js';
export { askHumanStep, HUMAN_AGENT_ID } from './human-step.js';
export { placeholderStepRecord } from './placeholder-step-record.js';
export {
  agentStepSchema,
  hitlStepSchema,
  identifierSchema,
  nonEmptyStringSchema,
  stepSchema,
} from './step-schemas.js';
