import {
  HUMAN_AGENT_ID,
  listIds,
  parsedAnswerPlaceholder,
  toPointer,
} from '@strands-cli/core/executor-utils';
import type {
  AnalysisIssueV1,
  AnalysisV1,
  PlanEdgeV1,
  PlanNodeV1,
  ReferenceV1,
  TemplateSiteV1,
  WorkflowSpec,
} from '@strands-cli/core/spec';
import { closestId, conditionCheckTemplate, conditionProblem, nodeReferences } from './graph-conditions.js';
import type { GraphConfig } from './graph-config.js';
import { checkGraphShape } from './graph-shape-issues.js';
import { GraphTopology } from './graph-topology.js';

/** The record a node leaves in `nodes` (placeholder values for static checks). */
function placeholderRecord(
  id: string,
  node: GraphConfig['nodes'][string],
  spec: Readonly<WorkflowSpec> | undefined,
): Record<string, unknown> {
  return {
    response: `<response of node ${id}>`,
    agent: 'agent' in node ? node.agent : HUMAN_AGENT_ID,
    status: 'success',
    iteration: 1,
    ...parsedAnswerPlaceholder(spec, 'agent' in node ? node.agent : undefined),
  };
}

/** A hint naming what a template may read, with a "did you mean" for each unknown node it reads. */
function visibilityHint(
  text: string,
  visible: readonly string[],
  all: readonly string[],
  place?: string,
): string {
  const unknown = nodeReferences(text).filter((id) => !all.includes(id));
  const guesses = unknown.flatMap((id) => {
    const guess = closestId(id, all);
    return guess === undefined ? [] : [`\`nodes.${id}\`: did you mean \`nodes.${guess}\`?`];
  });
  const seen = visible.length === 0 ? 'no node' : listIds(visible.map((id) => `nodes.${id}`));
  const rule =
    place === undefined
      ? `A condition can read ${seen} (a node that has not run yet has status \`not_executed\`) and hitl_response.`
      : `${place} can read ${seen}: only nodes that may have run before it (a node's own record is from its previous visit).`;
  return [...guesses, rule].join(' ');
}

/**
 * Static analysis of a `graph` config: agent references, edges to unknown nodes, conditions that do not
 * compile or read unknown names, nodes that cannot run or never reach an end, templates reading nodes
 * that cannot have run before them, and the drawing with each condition on its edge.
 */
export function analyzeGraph(config: GraphConfig, spec?: Readonly<WorkflowSpec>): AnalysisV1 {
  const agentReferences: ReferenceV1[] = [];
  const templates: TemplateSiteV1[] = [];
  const edges: PlanEdgeV1[] = [];
  const topology = new GraphTopology(config);
  const nodeIds = topology.nodeIds;
  const records = Object.fromEntries(
    Object.entries(config.nodes).map(([id, node]) => [id, placeholderRecord(id, node, spec)]),
  );
  const humanAnswer = '<human response>';
  const nodes: PlanNodeV1[] = Object.entries(config.nodes).map(([id, node]) => {
    const pointer = toPointer(['pattern', 'config', 'nodes', id]);
    const visible = topology.ranBefore(id);
    const scope = {
      nodes: Object.fromEntries(visible.map((seen) => [seen, records[seen]])),
      hitl_response: humanAnswer,
    };
    const template = 'agent' in node ? node.input : node.context_display;
    if (template !== undefined) {
      const field = 'agent' in node ? 'input' : 'context_display';
      templates.push({
        pointer: `${pointer}/${field}`,
        template,
        scope,
        hint: visibilityHint(template, visible, nodeIds, `Node \`${id}\``),
      });
    }
    if (!('agent' in node)) return { id, label: `${id} (human)`, shape: 'round' };
    agentReferences.push({ id: node.agent, pointer: `${pointer}/agent` });
    return { id, label: `${id} (${node.agent})`, agentId: node.agent, shape: 'box' };
  });
  const issues: AnalysisIssueV1[] = checkGraphShape(config, topology);
  const conditionScope = { nodes: records, hitl_response: humanAnswer };
  config.edges.forEach((edge, index) => {
    const targets = [...new Set(edge.to ?? [])];
    // Several targets run together and only the last one's edge is followed: say so on the drawing,
    // since strands-cli ran only the first and a reader of the YAML could expect either.
    for (const target of targets) {
      const label = target === targets.at(-1) ? 'in parallel, then continues here' : 'in parallel';
      edges.push({ from: edge.from, to: target, ...(targets.length > 1 ? { label } : {}) });
    }
    (edge.choose ?? []).forEach((choice, position) => {
      const expression = (/^\s*\{\{([\s\S]*)\}\}\s*$/.exec(choice.when)?.[1] ?? choice.when).trim();
      // The drawing shows the condition itself: the `{{ }}` wrapper only adds noise to a label.
      edges.push({ from: edge.from, to: choice.to, label: expression });
      if (expression === 'else') return;
      const pointer = toPointer(['pattern', 'config', 'edges', index, 'choose', position, 'when']);
      const problem = conditionProblem(expression);
      if (problem !== undefined) {
        issues.push({
          pointer,
          message: `the condition ${problem}`,
          hint: 'Write a condition as one expression, e.g. "{{ \'approve\' in nodes.review.response }}".',
          code: 'template',
        });
        return;
      }
      templates.push({
        pointer,
        template: conditionCheckTemplate(choice.when),
        scope: conditionScope,
        hint: visibilityHint(choice.when, nodeIds, nodeIds),
      });
    });
  });
  return {
    agentReferences,
    toolReferences: [],
    templates,
    issues,
    graph: { nodes, edges },
    artifactScope: artifactScopeOf(records, nodeIds, spec?.name ?? ''),
  };
}

function artifactScopeOf(
  records: Record<string, unknown>,
  nodeIds: readonly string[],
  name: string,
): Record<string, unknown> {
  const executionContext = {
    nodes: records,
    terminal_node: nodeIds[0] ?? '',
    total_steps: 1,
    iteration_counts: Object.fromEntries(nodeIds.map((id) => [id, 1])),
    execution_path: [...nodeIds],
    cumulative_tokens: 0,
    name,
    timestamp: '2000-01-01T00:00:00.000Z',
  };
  return { ...executionContext, execution_context: executionContext, hitl_response: '<human response>' };
}
