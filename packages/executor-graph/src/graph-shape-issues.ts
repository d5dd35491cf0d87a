import { listIds, toPointer } from '@strands-cli/core/executor-utils';
import type { AnalysisIssueV1 } from '@strands-cli/core/spec';
import type { GraphConfig } from './graph-config.js';
import type { GraphTopology } from './graph-topology.js';

/**
 * Problems of the graph's shape that would otherwise only show at run time: edges naming unknown
 * nodes, nodes the run can never reach, no node where the run can end, and nodes from which every
 * path loops forever (only the iteration limits would stop them).
 */
export function checkGraphShape(config: GraphConfig, topology: GraphTopology): AnalysisIssueV1[] {
  const issues: AnalysisIssueV1[] = [];
  const { nodeIds } = topology;
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
    });
    (edge.choose ?? []).forEach((choice, position) => {
      checkNode(choice.to, ['edges', index, 'choose', position, 'to']);
    });
  });
  // Shape checks on a graph with dangling edges would only repeat the same mistake.
  if (issues.length > 0) return issues;
  issues.push(...edgeNotes(config));
  const reachable = topology.reachable();
  for (const id of nodeIds.filter((node) => !reachable.has(node))) {
    issues.push({
      pointer: toPointer(['pattern', 'config', 'nodes', id]),
      message: `node \`${id}\` can never run: no edge leads to it from \`${nodeIds[0]}\`, where the run starts`,
      hint: `Add an edge to \`${id}\` (only the first edge from a node is followed), or remove the node.`,
      code: 'unreachable',
    });
  }
  const { walked, trapped } = topology.trapped();
  if (![...walked].some((id) => topology.canStop(id))) {
    issues.push({
      pointer: '/pattern/config/edges',
      message:
        'the graph has no terminal node: every node the run reaches has an edge that is always followed',
      hint: 'Leave one node without an edge, or give a `choose` no `else` so the run can end there.',
      code: 'no-terminal',
    });
    return issues;
  }
  for (const id of trapped) {
    const exit = topology.exitOf(id);
    issues.push({
      pointer: toPointer(['pattern', 'config', ...(exit ? ['edges', exit.index] : ['nodes', id])]),
      message: `node \`${id}\` can never leave its cycle: every path from it comes back without a condition that could end the run`,
      hint: 'Add a `choose` with a condition that leads out of the loop (or to no edge), or remove the back edge.',
      code: 'endless-loop',
    });
  }
  return issues;
}

/**
 * Warnings about edges that run, but perhaps not as the author expects: a `to` with several targets
 * (strands-cli ran only the first; here all run in parallel and the walk continues from the last), and
 * a second edge from the same node (only the first is ever followed, as in strands-cli).
 */
function edgeNotes(config: GraphConfig): AnalysisIssueV1[] {
  const notes: AnalysisIssueV1[] = [];
  const firstEdgeFrom = new Map<string, number>();
  config.edges.forEach((edge, index) => {
    const first = firstEdgeFrom.get(edge.from);
    if (first !== undefined) {
      notes.push({
        pointer: toPointer(['pattern', 'config', 'edges', index, 'from']),
        message: `this edge is never followed: edges[${first}] already leaves \`${edge.from}\`, and only the first edge from a node is used`,
        hint: `Merge the two edges into one (several \`to\` targets, or one \`choose\` list), or remove this one.`,
        code: 'unused-edge',
        severity: 'warning',
      });
      return;
    }
    firstEdgeFrom.set(edge.from, index);
    const targets = [...new Set(edge.to ?? [])];
    if (targets.length < 2) return;
    notes.push({
      pointer: toPointer(['pattern', 'config', 'edges', index, 'to']),
      message: `${listIds(targets)} run in parallel after \`${edge.from}\`, and the run continues from the edge of \`${targets.at(-1)}\` (strands-cli runs only \`${targets[0]}\`)`,
      hint: 'Keep one target per `to` for a strictly sequential graph; see docs/patterns.md (graph).',
      code: 'parallel-targets',
      severity: 'warning',
    });
  });
  return notes;
}
