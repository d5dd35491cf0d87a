import { RuntimeFailure } from '@strands-cli/core/spec';
import type { CliIO } from '../io.js';

/** `strands validate` (not implemented yet). */
export async function validateCommand(..._args: [...unknown[], CliIO]): Promise<number> {
  throw new RuntimeFailure('strands validate is not implemented yet');
}
