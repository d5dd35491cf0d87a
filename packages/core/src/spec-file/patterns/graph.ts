/** The `graph` pattern (strands-cli 0.5): its config schema and static analysis. Not runnable yet. */
import * as z from 'zod';
import type { AnalysisIssueV1, AnalysisV1, PlanEdgeV1, ReferenceV1 } from '../../spec/v1/executor-v1.js';
import { listIds } from '../issues/did-you-mean.js';
import { hitlStepSchema, identifierSchema, nonEmptyStringSchema } from '../schema/common.js';
import { toPointer } from '../source/json-pointer.js';

const agentNodeSchema = z.strictObject({ agent: nonEmptyStringSchema, input: z.string().optional() });

const edgeSchema = z
  .strictObject({
    from: identifierSchema,
    to: z.array(identifierSchema).optional(),
    choose: z
      .array(
        z.strictObject({
          when: z.string().meta({ description: 'A condition, or `else`.' }),
          to: identifierSchema,
        }),
      )
      .optional(),
  })
  .refine((edge) => (edge.to === undefined) !== (edge.choose === undefined), {
    message: 'an edge needs exactly one of `to` (a list of nodes) or `choose` (conditions)',
  });

/** Schema of `pattern.config` for `type: graph`. */
export const graphConfigSchema = z.strictObject({
  max_iterations: z.int().min(1).optional().meta({ description: 'Most visits of one node (default 10).' }),
  nodes: z
    .record(z.string(), z.union([agentNodeSchema, hitlStepSchema]))
    .refine((nodes) => Object.keys(nodes).length > 0, { message: 'define at least one node' }),
  edges: z.array(edgeSchema).min(1),
});

/** A validated graph config. */
export type GraphConfig = z.infer<typeof graphConfigSchema>;

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
  return { agentReferences, toolReferences: [], templates: [], issues, graph: { nodes, edges } };
}
