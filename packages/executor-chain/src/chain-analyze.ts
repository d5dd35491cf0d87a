import type { AnalysisV1, WorkflowSpec } from '@strands-cli/core/spec';
import type { ChainConfig } from './chain-config.js';

/** Static analysis of a `chain` config for validate/plan: references, template sites, issues, graph. */
export function analyzeChain(_config: ChainConfig, _spec: Readonly<WorkflowSpec>): AnalysisV1 {
  return {
    agentReferences: [],
    toolReferences: [],
    templates: [],
    issues: [],
    graph: { nodes: [], edges: [] },
  };
}
