/**
 * `@acme/strands-executor-map`: a third-party executor plugin for strands-cli. A spec uses it with
 * `pattern.type: "@acme/strands-executor-map"`; the CLI imports this module lazily and takes its
 * default export.
 */
import { defineExecutor } from '@strands-cli/core/spec';
import { analyzeMap } from './map-analyze.js';
import { type MapConfig, mapConfigSchema } from './map-config.js';
import { runMap } from './map-run.js';
import { VERSION } from './version.js';

export type { MapConfig, MapItemResult } from './map-config.js';
export { VERSION } from './version.js';

/** The `map` executor: one agent over every item of a list, then an optional reduce step. */
const mapExecutor = defineExecutor<MapConfig>({
  kind: 'executor',
  specificationVersion: 'v1',
  // The id is the package name, the value specs put in `pattern.type`.
  id: '@acme/strands-executor-map',
  description:
    'Runs one agent over every item of a list (concurrently), then optionally reduces the results.',
  version: VERSION,
  configSchema: mapConfigSchema,
  analyze: analyzeMap,
  run: runMap,
});

export default mapExecutor;
