import type { ExecutorContextV1, ExecutorResultV1 } from '@strands-cli/core/spec';
import { RuntimeFailure } from '@strands-cli/core/spec';
import type { WorkflowConfig } from './workflow-config.js';

/** Runs a `workflow` pattern. */
export async function runWorkflow(_context: ExecutorContextV1<WorkflowConfig>): Promise<ExecutorResultV1> {
  throw new RuntimeFailure('The workflow executor is not implemented yet');
}
