import { defineExecutor } from '@strands-cli/core/spec';
import { analyzeChain } from './chain-analyze.js';
import { type ChainConfig, chainConfigSchema } from './chain-config.js';
import { runChain } from './chain-run.js';
import { VERSION } from './version.js';

export type { ChainConfig } from './chain-config.js';
export { VERSION } from './version.js';

/** The `chain` executor plugin. */
const chainExecutor = defineExecutor<ChainConfig>({
  kind: 'executor',
  specificationVersion: 'v1',
  id: 'chain',
  description: 'Runs steps one after another; each step sees the earlier responses.',
  version: VERSION,
  configSchema: chainConfigSchema,
  analyze: analyzeChain,
  run: runChain,
});

export default chainExecutor;
