import type { ExecutorContextV1, ExecutorResultV1 } from '@strands-cli/core/spec';
import { RuntimeFailure } from '@strands-cli/core/spec';
import type { ParallelConfig } from './parallel-config.js';

/** Runs a `parallel` pattern. */
export async function runParallel(_context: ExecutorContextV1<ParallelConfig>): Promise<ExecutorResultV1> {
  throw new RuntimeFailure('The parallel executor is not implemented yet');
}
