import { defineExecutor } from '@strands-cli/core/spec';
import { analyzeParallel } from './parallel-analyze.js';
import { type ParallelConfig, parallelConfigSchema } from './parallel-config.js';
import { runParallel } from './parallel-run.js';
import { VERSION } from './version.js';

export type { ParallelConfig } from './parallel-config.js';
export { VERSION } from './version.js';

/** The `parallel` executor plugin. */
const parallelExecutor = defineExecutor<ParallelConfig>({
  kind: 'executor',
  specificationVersion: 'v1',
  id: 'parallel',
  description: 'Runs branches concurrently, then an optional reduce step over their results.',
  version: VERSION,
  configSchema: parallelConfigSchema,
  analyze: analyzeParallel,
  run: runParallel,
});

export default parallelExecutor;
