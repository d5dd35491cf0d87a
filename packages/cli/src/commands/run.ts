import { RuntimeFailure } from '@strands-cli/core/spec';
import type { CliIO } from '../io.js';

/** `strands run` (not implemented yet). */
export async function runCommand(..._args: [...unknown[], CliIO]): Promise<number> {
  throw new RuntimeFailure('strands run is not implemented yet');
}
