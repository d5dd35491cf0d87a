import { defineExecutor } from '@strands-cli/core/spec';
import { analyzeGraph } from './graph-analyze.js';
import { type GraphConfig, graphConfigSchema } from './graph-config.js';
import { runGraph } from './graph-run.js';
import { VERSION } from './version.js';

export type { GraphConfig } from './graph-config.js';
export { VERSION } from './version.js';

/** The `graph` executor plugin. */
const graphExecutor = defineExecutor<GraphConfig>({
  kind: 'executor',
  specificationVersion: 'v1',
  id: 'graph',
  description: 'A state machine of agent and human nodes with conditional edges; loops are bounded.',
  version: VERSION,
  configSchema: graphConfigSchema,
  analyze: analyzeGraph,
  run: runGraph,
});

export default graphExecutor;
