/**
 * Helpers executor packages share, beside the contract: fail-fast concurrency for sibling tasks and
 * the placeholder step record `analyze` puts in template scopes, asking a human-in-the-loop step, and
 * extracting a JSON answer from a model's text. They import only the contract.
 */

export { extractJson, isJsonObject } from './extract-json.js';
export { type FailFastTask, runFailFast } from './fail-fast.js';
export { askHumanStep, HUMAN_AGENT_ID } from './human-step.js';
export { listIds, toPointer } from './names-and-pointers.js';
export { parsedAnswerPlaceholder, placeholderStepRecord } from './placeholder-step-record.js';
export {
  agentStepSchema,
  hitlGateSchema,
  hitlStepSchema,
  identifierSchema,
  nonEmptyStringSchema,
  stepSchema,
} from './step-schemas.js';
