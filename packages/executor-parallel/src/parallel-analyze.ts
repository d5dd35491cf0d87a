import type { AnalysisV1, WorkflowSpec } from '@strands-cli/core/spec';
import type { ParallelConfig } from './parallel-config.js';

/** Static analysis of a `parallel` config for validate/plan: references, template sites, issues, graph. */
export function analyzeParallel(_config: ParallelConfig, _spec: Readonly<WorkflowSpec>): AnalysisV1 {
  return {
    agentReferences: [],
    toolReferences: [],
    templates: [],
    issues: [],
    graph: { nodes: [], edges: [] },
  };
}
