import type { AnalysisV1, WorkflowSpec } from '@strands-cli/core/spec';
import type { WorkflowConfig } from './workflow-config.js';

/** Static analysis of a `workflow` config for validate/plan: references, template sites, issues, graph. */
export function analyzeWorkflow(_config: WorkflowConfig, _spec: Readonly<WorkflowSpec>): AnalysisV1 {
  return {
    agentReferences: [],
    toolReferences: [],
    templates: [],
    issues: [],
    graph: { nodes: [], edges: [] },
  };
}
