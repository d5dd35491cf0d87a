import { parsedAnswerPlaceholder, placeholderStepRecord } from '@strands-cli/core/executor-utils';
import type {
  AnalysisIssueV1,
  AnalysisV1,
  PlanEdgeV1,
  PlanNodeV1,
  ReferenceV1,
  StepSpec,
  TemplateSiteV1,
  WorkflowSpec,
} from '@strands-cli/core/spec';
import type { ParallelConfig } from './parallel-config.js';

const usage = { input_tokens: 0, output_tokens: 0 };

/**
 * The record of a finished branch in `branches` (what reduce sees); `json` is the parsed answer of its
 * last step, present when that step's agent declares an `output_schema`.
 */
export function branchRecord(
  branch: ParallelConfig['branches'][number],
  spec?: Readonly<WorkflowSpec>,
): Record<string, unknown> {
  const last = branch.steps.at(-1);
  return {
    response: `<response of branch ${branch.id}>`,
    status: 'success',
    tokens_estimated: 0,
    usage,
    ...(spec === undefined
      ? {}
      : parsedAnswerPlaceholder(spec, last && 'agent' in last ? last.agent : undefined)),
  };
}

/** Collects references, the template site and the node of one step. */
function visitStep(
  step: StepSpec,
  pointer: string,
  scope: Record<string, unknown>,
  hint: string,
  out: { agents: ReferenceV1[]; tools: ReferenceV1[]; templates: TemplateSiteV1[] },
): void {
  if ('agent' in step) {
    out.agents.push({ id: step.agent, pointer: `${pointer}/agent` });
    (step.tool_overrides ?? []).forEach((id, position) => {
      out.tools.push({ id, pointer: `${pointer}/tool_overrides/${position}` });
    });
    if (step.input !== undefined)
      out.templates.push({
        pointer: `${pointer}/input`,
        template: step.input,
        scope: { ...scope, ...step.vars },
        hint,
      });
  } else if (step.context_display !== undefined) {
    out.templates.push({
      pointer: `${pointer}/context_display`,
      template: step.context_display,
      scope,
      hint,
    });
  }
}

/**
 * Static analysis of a `parallel` config: references, duplicate branch ids, every template with
 * what it can see (a branch step: its own branch's earlier `steps` and `last_response`; reduce:
 * `branches` only), and the drawing (fan out, then reduce).
 */
export function analyzeParallel(config: ParallelConfig, spec: Readonly<WorkflowSpec>): AnalysisV1 {
  const out = { agents: [] as ReferenceV1[], tools: [] as ReferenceV1[], templates: [] as TemplateSiteV1[] };
  const issues: AnalysisIssueV1[] = [];
  const nodes: PlanNodeV1[] = [{ id: 'start', label: 'start', shape: 'round' }];
  const edges: PlanEdgeV1[] = [];
  const ends: string[] = [];
  if (config.branches.length < 2) {
    issues.push({
      pointer: '/pattern/config/branches',
      message: 'a parallel pattern needs at least 2 branches',
      hint: 'Add a branch, or use a chain.',
      code: 'schema',
    });
  }
  const seen = new Set<string>();
  config.branches.forEach((branch, branchIndex) => {
    const branchPointer = `/pattern/config/branches/${branchIndex}`;
    if (seen.has(branch.id)) {
      issues.push({
        pointer: `${branchPointer}/id`,
        message: `duplicate branch id \`${branch.id}\``,
        hint: 'Give every branch a different id.',
        code: 'duplicate',
      });
    }
    seen.add(branch.id);
    const records: Record<string, unknown>[] = [];
    let afterHuman = false;
    branch.steps.forEach((step, index) => {
      const scope: Record<string, unknown> = { steps: [...records] };
      if (index > 0) scope.last_response = records[index - 1]?.response;
      // The branch's latest answer: other branches' answers are not in order with this branch.
      if (afterHuman) scope.hitl_response = '<human response>';
      const visible =
        index === 0
          ? 'no steps yet and no last_response'
          : `${index === 1 ? 'steps[0]' : `steps[0] to steps[${index - 1}]`} and last_response`;
      const hint =
        `A step of branch \`${branch.id}\` sees only its own branch: ${visible}. ` +
        'Other branches run at the same time; combine their results in reduce with branches.<id>.response.';
      visitStep(step, `${branchPointer}/steps/${index}`, scope, hint, out);
      const id = `b${branchIndex}s${index}`;
      nodes.push({
        id,
        label: `${branch.id}: ${'agent' in step ? step.agent : 'human review'}`,
        ...('agent' in step ? { agentId: step.agent } : {}),
        shape: 'agent' in step ? 'box' : 'round',
      });
      edges.push(
        index === 0
          ? { from: 'start', to: id, label: branch.id }
          : { from: `b${branchIndex}s${index - 1}`, to: id },
      );
      records.push(
        placeholderStepRecord(index, step, `<response of branch ${branch.id} step ${index}>`, spec),
      );
      if (!('agent' in step)) afterHuman = true;
    });
    ends.push(`b${branchIndex}s${branch.steps.length - 1}`);
  });
  const branches = Object.fromEntries(
    config.branches.map((branch) => [branch.id, branchRecord(branch, spec)]),
  );
  const join = config.reduce ? 'reduce' : 'combine';
  if (config.reduce) {
    const hint = `reduce sees branches.<id> for ${config.branches.map((branch) => `\`${branch.id}\``).join(', ')}, and the inputs; there is no steps or last_response here.`;
    visitStep(config.reduce, '/pattern/config/reduce', { branches }, hint, out);
    nodes.push({
      id: join,
      label: `reduce: ${'agent' in config.reduce ? config.reduce.agent : 'human review'}`,
      shape: 'agent' in config.reduce ? 'box' : 'round',
    });
  } else {
    nodes.push({ id: join, label: 'combine branch results', shape: 'round' });
  }
  for (const end of ends) edges.push({ from: end, to: join });
  return {
    agentReferences: out.agents,
    toolReferences: out.tools,
    templates: out.templates,
    issues,
    graph: { nodes, edges },
    artifactScope:
      config.reduce && !('agent' in config.reduce)
        ? { branches, hitl_response: '<human response>' }
        : { branches },
  };
}
