import { RuntimeFailure } from '@strands-cli/core/spec';
import type { CliIO } from '../io.js';

/** `strands list-tools` (not implemented yet). */
export async function listToolsCommand(..._args: [...unknown[], CliIO]): Promise<number> {
  throw new RuntimeFailure('strands list-tools is not implemented yet');
}
