import { RuntimeFailure } from '@strands-cli/core/spec';
import type { CliIO } from '../io.js';

/** `strands plan` (not implemented yet). */
export async function planCommand(..._args: [...unknown[], CliIO]): Promise<number> {
  throw new RuntimeFailure('strands plan is not implemented yet');
}
