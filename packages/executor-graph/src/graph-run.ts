import type { ExecutorContextV1, ExecutorResultV1 } from '@strands-cli/core/spec';
import { RuntimeFailure } from '@strands-cli/core/spec';
import type { GraphConfig } from './graph-config.js';

/** Runs a `graph` pattern. */
export async function runGraph(_context: ExecutorContextV1<GraphConfig>): Promise<ExecutorResultV1> {
  throw new RuntimeFailure('The graph pattern is not implemented yet', { hint: 'Use another pattern.' });
}
