import { toPointer } from '@strands-cli/core/executor-utils';
import type { AnalysisV1, PlanEdgeV1, PlanNodeV1, ReferenceV1 } from '@strands-cli/core/spec';
import type { OrchestratorWorkersConfig } from './orchestrator-workers-config.js';

/** Agent and tool references and the drawing of an orchestrator-workers config. */
export function analyzeOrchestratorWorkers(config: OrchestratorWorkersConfig): AnalysisV1 {
  const agentReferences: ReferenceV1[] = [
    { id: config.orchestrator.agent, pointer: '/pattern/config/orchestrator/agent' },
    { id: config.worker_template.agent, pointer: '/pattern/config/worker_template/agent' },
  ];
  const toolReferences: ReferenceV1[] = (config.worker_template.tools ?? []).map((id, index) => ({
    id,
    pointer: toPointer(['pattern', 'config', 'worker_template', 'tools', index]),
  }));
  const nodes: PlanNodeV1[] = [
    {
      id: 'orchestrator',
      label: `plan (${config.orchestrator.agent})`,
      agentId: config.orchestrator.agent,
      shape: 'diamond',
    },
    {
      id: 'workers',
      label: `workers (${config.worker_template.agent})`,
      agentId: config.worker_template.agent,
      shape: 'box',
    },
  ];
  const edges: PlanEdgeV1[] = [{ from: 'orchestrator', to: 'workers' }];
  let last = 'workers';
  for (const phase of ['reduce', 'writeup'] as const) {
    const step = config[phase];
    if (!step) continue;
    if ('agent' in step) {
      agentReferences.push({ id: step.agent, pointer: `/pattern/config/${phase}/agent` });
      (step.tool_overrides ?? []).forEach((id, index) => {
        toolReferences.push({
          id,
          pointer: toPointer(['pattern', 'config', phase, 'tool_overrides', index]),
        });
      });
    }
    nodes.push({
      id: phase,
      label: 'agent' in step ? `${phase} (${step.agent})` : `${phase} (human)`,
      shape: 'box',
    });
    edges.push({ from: last, to: phase });
    last = phase;
  }
  return {
    agentReferences,
    toolReferences,
    templates: [],
    issues: [],
    graph: { nodes, edges },
    artifactScope: { workers: [], num_workers: 0, round_count: 1, reduce_response: '' },
  };
}
