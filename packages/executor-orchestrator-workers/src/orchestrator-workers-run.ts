import type { ExecutorContextV1, ExecutorResultV1 } from '@strands-cli/core/spec';
import { RuntimeFailure } from '@strands-cli/core/spec';
import type { OrchestratorWorkersConfig } from './orchestrator-workers-config.js';

/** Runs a `orchestrator_workers` pattern. */
export async function runOrchestratorWorkers(
  _context: ExecutorContextV1<OrchestratorWorkersConfig>,
): Promise<ExecutorResultV1> {
  throw new RuntimeFailure('The orchestrator_workers pattern is not implemented yet', {
    hint: 'Use another pattern.',
  });
}
