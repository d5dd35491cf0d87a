import { defineExecutor } from '@strands-cli/core/spec';
import { VERSION } from './version.js';
import { analyzeWorkflow } from './workflow-analyze.js';
import { type WorkflowConfig, workflowConfigSchema } from './workflow-config.js';
import { runWorkflow } from './workflow-run.js';

export { VERSION } from './version.js';
export type { WorkflowConfig } from './workflow-config.js';

/** The `workflow` executor plugin. */
const workflowExecutor = defineExecutor<WorkflowConfig>({
  kind: 'executor',
  specificationVersion: 'v1',
  id: 'workflow',
  description: 'Runs a DAG of tasks; each task starts as soon as its dependencies finish.',
  version: VERSION,
  configSchema: workflowConfigSchema,
  analyze: analyzeWorkflow,
  run: runWorkflow,
});

export default workflowExecutor;
