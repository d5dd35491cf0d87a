import { buildWorkflowJsonSchema, type JsonSchemaDocument } from '@strands-cli/core';
import type { BuiltinPatternType } from '@strands-cli/core/builtin-plugins';
import chainExecutor from '@strands-cli/executor-chain';
import parallelExecutor from '@strands-cli/executor-parallel';
import routingExecutor from '@strands-cli/executor-routing';
import workflowExecutor from '@strands-cli/executor-workflow';

/** The JSON Schema of the spec format with the built-in executors' pattern configs. */
export function builtinWorkflowJsonSchema(): JsonSchemaDocument {
  // Keyed by the core's map of built-in names, so a built-in added there fails to compile until it is here.
  const executors = {
    chain: chainExecutor,
    workflow: workflowExecutor,
    parallel: parallelExecutor,
    routing: routingExecutor,
  } satisfies Record<BuiltinPatternType, unknown>;
  const configs: Parameters<typeof buildWorkflowJsonSchema>[0] = Object.fromEntries(
    Object.values(executors).map((executor) => [executor.id, executor.configSchema]),
  );
  return buildWorkflowJsonSchema(configs);
}

/** The file text of a schema, as committed in packages/core/schema. */
export function serializeSchema(schema: JsonSchemaDocument): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
