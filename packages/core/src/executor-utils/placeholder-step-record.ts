import type { StepSpec, WorkflowSpec } from '../spec/v1/workflow-spec-v1.js';
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
 * @param spec The spec, when known: `json` is then present only if the step's agent declares an
 *   `output_schema`, so that `{{ steps[0].json.x }}` on an agent without one is caught before the run.
 * @example
 * records.push(placeholderStepRecord(index, step, `<response of steps[${index}]>`, spec));
 */
export function placeholderStepRecord(
  index: number,
  step: StepSpec,
  response: string,
  spec?: Readonly<WorkflowSpec>,
): Record<string, unknown> {
  const agent = 'agent' in step ? step.agent : HUMAN_AGENT_ID;
  return {
    index,
    agent,
    response,
    tokens_estimated: 0,
    usage: { input_tokens: 0, output_tokens: 0 },
    ...parsedAnswerPlaceholder(spec, 'agent' in step ? step.agent : undefined),
  };
}

/**
 * `{ json: {} }` when the agent declares an `output_schema` (its answer is parsed and exposed as
 * `.json`; the members are checked against the schema at run time), `{}` otherwise. Without a spec
 * the placeholder is kept, as nothing can be told.
 */
export function parsedAnswerPlaceholder(
  spec: Readonly<WorkflowSpec> | undefined,
  agentId: string | undefined,
): { json?: Record<string, never> } {
  if (spec === undefined) return { json: {} };
  if (agentId === undefined) return {};
  return spec.agents?.[agentId]?.output_schema === undefined ? {} : { json: {} };
}
