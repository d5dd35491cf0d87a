import { defineExecutor } from '@strands-cli/core/spec';
import { analyzeRouting } from './routing-analyze.js';
import { type RoutingConfig, routingConfigSchema } from './routing-config.js';
import { runRouting } from './routing-run.js';
import { VERSION } from './version.js';

export type { RoutingConfig } from './routing-config.js';
export { VERSION } from './version.js';

/** The `routing` executor plugin. */
const routingExecutor = defineExecutor<RoutingConfig>({
  kind: 'executor',
  specificationVersion: 'v1',
  id: 'routing',
  description: 'A router agent picks one route; the route runs as a chain.',
  version: VERSION,
  configSchema: routingConfigSchema,
  analyze: analyzeRouting,
  run: runRouting,
});

export default routingExecutor;
