import { RuntimeFailure } from '@strands-cli/core/spec';
import type { CliIO } from '../io.js';

/** `strands doctor` (not implemented yet). */
export async function doctorCommand(..._args: [...unknown[], CliIO]): Promise<number> {
  throw new RuntimeFailure('strands doctor is not implemented yet');
}
