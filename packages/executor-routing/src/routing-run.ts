import type { ExecutorContextV1, ExecutorResultV1 } from '@strands-cli/core/spec';
import { RuntimeFailure } from '@strands-cli/core/spec';
import type { RoutingConfig } from './routing-config.js';

/** Runs a `routing` pattern. */
export async function runRouting(_context: ExecutorContextV1<RoutingConfig>): Promise<ExecutorResultV1> {
  throw new RuntimeFailure('The routing executor is not implemented yet');
}
