import { listIds, toPointer } from '@strands-cli/core/executor-utils';
import type { AnalysisIssueV1, AnalysisV1, PlanEdgeV1, ReferenceV1 } from '@strands-cli/core/spec';
import type { GraphConfig } from './graph-config.js';

/** Agent references, edges to unknown nodes, and the drawing of a graph config. */
export function analyzeGraph(config: GraphConfig): AnalysisV1 {
  const agentReferences: ReferenceV1[] = [];
  const issues: AnalysisIssueV1[] = [];
  const edges: PlanEdgeV1[] = [];
  const nodeIds = Object.keys(config.nodes);
  const nodes = Object.entries(config.nodes).map(([id, node]) => {
    if ('agent' in node)
      agentReferences.push({
        id: node.agent,
        pointer: toPointer(['pattern', 'config', 'nodes', id, 'agent']),
      });
    return 'agent' in node
      ? { id, label: `${id} (${node.agent})`, agentId: node.agent, shape: 'box' as const }
      : { id, label: `${id} (human)`, shape: 'round' as const };
  });
  const checkNode = (id: string, path: PropertyKey[]) => {
    if (id in config.nodes) return;
    issues.push({
      pointer: toPointer(['pattern', 'config', ...path]),
      message: `edge refers to node \`${id}\`, which is not defined`,
      hint: `Nodes defined under pattern.config.nodes: ${listIds(nodeIds)}.`,
      code: 'reference',
    });
  };
  config.edges.forEach((edge, index) => {
    checkNode(edge.from, ['edges', index, 'from']);
    (edge.to ?? []).forEach((target, position) => {
      checkNode(target, ['edges', index, 'to', position]);
      edges.push({ from: edge.from, to: target });
    });
    (edge.choose ?? []).forEach((choice, position) => {
      checkNode(choice.to, ['edges', index, 'choose', position, 'to']);
      edges.push({ from: edge.from, to: choice.to, label: choice.when });
    });
  });
  const placeholderNodes = Object.fromEntries(
    nodeIds.map((id) => [id, { response: '', agent: '', status: 'success', iteration: 0 }]),
  );
  return {
    agentReferences,
    toolReferences: [],
    templates: [],
    issues,
    graph: { nodes, edges },
    artifactScope: {
      nodes: placeholderNodes,
      terminal_node: '',
      total_steps: 0,
      iteration_counts: {},
      hitl_response: '',
    },
  };
}
