import { RuntimeFailure } from '@strands-cli/core/spec';
import type { CliIO } from '../io.js';

/** `strands init` (not implemented yet). */
export async function initCommand(..._args: [...unknown[], CliIO]): Promise<number> {
  throw new RuntimeFailure('strands init is not implemented yet');
}
