import type { ExecutorContextV1, ExecutorResultV1 } from '@strands-cli/core/spec';
import { RuntimeFailure } from '@strands-cli/core/spec';
import type { ChainConfig } from './chain-config.js';

/** Runs a `chain` pattern. */
export async function runChain(_context: ExecutorContextV1<ChainConfig>): Promise<ExecutorResultV1> {
  throw new RuntimeFailure('The chain executor is not implemented yet');
}
