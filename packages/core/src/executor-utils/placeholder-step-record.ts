import type { StepSpec } from '../spec/v1/workflow-spec-v1.js';
import { HUMAN_AGENT_ID } from './human-step.js';

/**
 * The record a finished step leaves in a `steps` list, with placeholder values: what an executor's
 * `analyze` puts in the template scope so that validate/plan can check `{{ steps[i].… }}` without
 * running anything. The fields are those a real step record has (`index`, `agent`, `response`,
 * `tokens_estimated`, `usage`); a human-in-the-loop step is recorded as agent `hitl`, as at run time.
 * @param index The step's position in its list (chain, branch or route).
 * @param step The step as the spec declares it.
 * @param response The placeholder text for `response`, naming the step so that a rendered plan
 *   shows where a value would come from (e.g. `<response of steps[0]>`).
 * @example
 * records.push(placeholderStepRecord(index, step, `<response of steps[${index}]>`));
 */
export function placeholderStepRecord(
  index: number,
  step: StepSpec,
  response: string,
): Record<string, unknown> {
  return {
    index,
    agent: 'agent' in step ? step.agent : HUMAN_AGENT_ID,
    response,
    tokens_estimated: 0,
    usage: { input_tokens: 0, output_tokens: 0 },
    // The parsed answer of an agent with an output_schema; its members are checked at run time.
    json: {},
  };
}
