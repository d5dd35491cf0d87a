import { defineExecutor } from '@strands-cli/core/spec';
import { analyzeEvaluatorOptimizer } from './evaluator-optimizer-analyze.js';
import {
  type EvaluatorOptimizerConfig,
  evaluatorOptimizerConfigSchema,
} from './evaluator-optimizer-config.js';
import { runEvaluatorOptimizer } from './evaluator-optimizer-run.js';
import { VERSION } from './version.js';

export type { EvaluatorOptimizerConfig } from './evaluator-optimizer-config.js';
export { VERSION } from './version.js';

/** The `evaluator_optimizer` executor plugin. */
const evaluatorOptimizerExecutor = defineExecutor<EvaluatorOptimizerConfig>({
  kind: 'executor',
  specificationVersion: 'v1',
  id: 'evaluator_optimizer',
  description: 'A producer revises a draft until an evaluator scores it high enough.',
  version: VERSION,
  configSchema: evaluatorOptimizerConfigSchema,
  analyze: analyzeEvaluatorOptimizer,
  run: runEvaluatorOptimizer,
});

export default evaluatorOptimizerExecutor;
