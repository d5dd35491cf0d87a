import { placeholderStepRecord } from '@strands-cli/core/executor-utils';
import type {
  AnalysisV1,
  PlanEdgeV1,
  PlanNodeV1,
  ReferenceV1,
  TemplateSiteV1,
  WorkflowSpec,
} from '@strands-cli/core/spec';
import type { ChainConfig } from './chain-config.js';

/** What `steps[i]` of a chain can see, for the hint of an undefined-name error. */
export function stepVisibilityHint(index: number): string {
  return index === 0
    ? 'The first step sees only the inputs: there are no earlier steps yet, so no steps and no last_response.'
    : `This step (steps[${index}]) sees ${index === 1 ? 'steps[0]' : `steps[0] to steps[${index - 1}]`} and last_response (the response of steps[${index - 1}]) only: later steps have not run yet.`;
}

/**
 * Static analysis of a `chain` config for validate/plan: agent and tool references, every template
 * with what its step can see (`steps` with earlier steps only, `last_response` from the second step
 * on, then `step.vars`), and the drawing.
 */
export function analyzeChain(config: ChainConfig, spec: Readonly<WorkflowSpec>): AnalysisV1 {
  const agentReferences: ReferenceV1[] = [];
  const toolReferences: ReferenceV1[] = [];
  const templates: TemplateSiteV1[] = [];
  const nodes: PlanNodeV1[] = [];
  const edges: PlanEdgeV1[] = [];
  const records: Record<string, unknown>[] = [];
  let afterHuman = false;
  config.steps.forEach((step, index) => {
    const pointer = `/pattern/config/steps/${index}`;
    const scope: Record<string, unknown> = { steps: [...records] };
    // strands-cli users write `last_response` for the previous step's response in chains too.
    if (index > 0) scope.last_response = records[index - 1]?.response;
    if (afterHuman) scope.hitl_response = '<human response>';
    const hint = stepVisibilityHint(index);
    if ('agent' in step) {
      agentReferences.push({ id: step.agent, pointer: `${pointer}/agent` });
      (step.tool_overrides ?? []).forEach((id, position) => {
        toolReferences.push({ id, pointer: `${pointer}/tool_overrides/${position}` });
      });
      if (step.input !== undefined) {
        templates.push({
          pointer: `${pointer}/input`,
          template: step.input,
          scope: { ...scope, ...step.vars },
          hint,
        });
      }
      nodes.push({
        id: `step${index}`,
        label: `${index + 1}. ${step.agent}`,
        agentId: step.agent,
        shape: 'box',
      });
    } else {
      if (step.context_display !== undefined) {
        templates.push({
          pointer: `${pointer}/context_display`,
          template: step.context_display,
          scope,
          hint,
        });
      }
      nodes.push({ id: `step${index}`, label: `${index + 1}. human review`, shape: 'round' });
      afterHuman = true;
    }
    if (index > 0) edges.push({ from: `step${index - 1}`, to: `step${index}` });
    records.push(placeholderStepRecord(index, step, `<response of steps[${index}]>`, spec));
  });
  return {
    agentReferences,
    toolReferences,
    templates,
    issues: [],
    graph: { nodes, edges },
    artifactScope: afterHuman ? { steps: records, hitl_response: '<human response>' } : { steps: records },
  };
}
