import { isAbsolute, resolve } from 'node:path';
import { readRegularFile } from '../../fs/regular-file.js';
import type { WorkflowSpec } from '../schema/workflow-spec.js';
import { maxSpecFileBytes } from '../source/read-spec-source.js';

/** True for an atomic agent spec (strands-cli 0.5): labelled atomic, or kept under `agents/atomic/`. */
export function isAtomicSpec(spec: Readonly<WorkflowSpec>, file: string | undefined): boolean {
  if (spec.metadata?.labels?.['strands.io/agent_type'] === 'atomic') return true;
  return file !== undefined && /(^|[/\\])agents[/\\]atomic[/\\]/.test(resolve(file));
}

/**
 * The input names of an atomic spec: the properties of its agent's `input_schema` (a path relative
 * to the spec, or inline). An atomic agent is run with a JSON input document whose keys become
 * template variables, so these names are defined. Unreadable schemas give no names.
 */
export async function atomicInputNames(
  spec: Readonly<WorkflowSpec>,
  baseDirectory: string,
): Promise<string[]> {
  const names: string[] = [];
  for (const agent of Object.values(spec.agents)) {
    let schema: unknown = agent.input_schema;
    if (typeof schema === 'string') {
      try {
        // The spec names this file: a FIFO or a device there must not hang or flood validation.
        const path = isAbsolute(schema) ? schema : resolve(baseDirectory, schema);
        schema = JSON.parse((await readRegularFile(path, maxSpecFileBytes)).toString('utf8'));
      } catch {
        continue;
      }
    }
    const properties = (schema as { properties?: unknown } | undefined)?.properties;
    if (properties && typeof properties === 'object') names.push(...Object.keys(properties));
  }
  return names;
}
