import type { ExecutorContextV1, ExecutorResultV1 } from '@strands-cli/core/spec';
import { RuntimeFailure } from '@strands-cli/core/spec';
import type { EvaluatorOptimizerConfig } from './evaluator-optimizer-config.js';

/** Runs a `evaluator_optimizer` pattern. */
export async function runEvaluatorOptimizer(
  _context: ExecutorContextV1<EvaluatorOptimizerConfig>,
): Promise<ExecutorResultV1> {
  throw new RuntimeFailure('The evaluator_optimizer pattern is not implemented yet', {
    hint: 'Use another pattern.',
  });
}
