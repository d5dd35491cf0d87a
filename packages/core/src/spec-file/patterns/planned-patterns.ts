import type { ZodType } from 'zod';
import type { AnalysisV1 } from '../../spec/v1/executor-v1.js';
import { analyzeEvaluatorOptimizer, evaluatorOptimizerConfigSchema } from './evaluator-optimizer.js';
import { analyzeGraph, graphConfigSchema } from './graph.js';
import { analyzeOrchestratorWorkers, orchestratorWorkersConfigSchema } from './orchestrator-workers.js';

/** A pattern strands-cli 0.5 accepts that no executor here runs yet: enough to validate and plan it. */
export interface PlannedPattern {
  readonly id: string;
  readonly description: string;
  readonly configSchema: ZodType;
  analyze(config: unknown): AnalysisV1;
}

/** The planned patterns by `pattern.type` (the same names as `plannedPatternTypes`). */
export const plannedPatterns: Readonly<Record<string, PlannedPattern>> = {
  graph: {
    id: 'graph',
    description: 'A state machine of nodes with conditional edges (planned).',
    configSchema: graphConfigSchema,
    analyze: (config) => analyzeGraph(config as never),
  },
  evaluator_optimizer: {
    id: 'evaluator_optimizer',
    description: 'A producer revises a draft until an evaluator scores it high enough (planned).',
    configSchema: evaluatorOptimizerConfigSchema,
    analyze: (config) => analyzeEvaluatorOptimizer(config as never),
  },
  orchestrator_workers: {
    id: 'orchestrator_workers',
    description:
      'An orchestrator splits the work, workers run in parallel, optional reduce and writeup (planned).',
    configSchema: orchestratorWorkersConfigSchema,
    analyze: (config) => analyzeOrchestratorWorkers(config as never),
  },
};
