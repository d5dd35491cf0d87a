import { RuntimeFailure } from '@strands-cli/core/spec';
import type { CliIO } from '../io.js';

/** `strands explain` (not implemented yet). */
export async function explainCommand(..._args: [...unknown[], CliIO]): Promise<number> {
  throw new RuntimeFailure('strands explain is not implemented yet');
}
