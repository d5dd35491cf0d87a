import { RuntimeFailure } from '@strands-cli/core/spec';
import type { CliIO } from '../io.js';

/** `strands schema` (not implemented yet). */
export async function schemaCommand(..._args: [...unknown[], CliIO]): Promise<number> {
  throw new RuntimeFailure('strands schema is not implemented yet');
}
