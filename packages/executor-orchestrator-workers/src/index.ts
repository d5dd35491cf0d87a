import { defineExecutor } from '@strands-cli/core/spec';
import { analyzeOrchestratorWorkers } from './orchestrator-workers-analyze.js';
import {
  type OrchestratorWorkersConfig,
  orchestratorWorkersConfigSchema,
} from './orchestrator-workers-config.js';
import { runOrchestratorWorkers } from './orchestrator-workers-run.js';
import { VERSION } from './version.js';

export type { OrchestratorWorkersConfig } from './orchestrator-workers-config.js';
export { VERSION } from './version.js';

/** The `orchestrator_workers` executor plugin. */
const orchestratorWorkersExecutor = defineExecutor<OrchestratorWorkersConfig>({
  kind: 'executor',
  specificationVersion: 'v1',
  id: 'orchestrator_workers',
  description: 'An orchestrator splits the work, workers run in parallel, then optional reduce and writeup.',
  version: VERSION,
  configSchema: orchestratorWorkersConfigSchema,
  analyze: analyzeOrchestratorWorkers,
  run: runOrchestratorWorkers,
});

export default orchestratorWorkersExecutor;
