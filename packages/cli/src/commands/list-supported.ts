import { RuntimeFailure } from '@strands-cli/core/spec';
import type { CliIO } from '../io.js';

/** `strands list-supported` (not implemented yet). */
export async function listSupportedCommand(..._args: [...unknown[], CliIO]): Promise<number> {
  throw new RuntimeFailure('strands list-supported is not implemented yet');
}
