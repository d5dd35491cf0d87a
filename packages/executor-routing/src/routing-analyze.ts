import type { AnalysisV1, WorkflowSpec } from '@strands-cli/core/spec';
import type { RoutingConfig } from './routing-config.js';

/** Static analysis of a `routing` config for validate/plan: references, template sites, issues, graph. */
export function analyzeRouting(_config: RoutingConfig, _spec: Readonly<WorkflowSpec>): AnalysisV1 {
  return {
    agentReferences: [],
    toolReferences: [],
    templates: [],
    issues: [],
    graph: { nodes: [], edges: [] },
  };
}
