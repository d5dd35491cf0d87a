import type { WorkflowSpec } from './schema/workflow-spec.js';

/**
 * The spec's own settings an artifact may quote (`{{ name }}`, `{{ runtime.model_id }}`,
 * `{{ context_policy.compaction.when_tokens_over }}`): a report file commonly records which workflow,
 * model and policy produced it. They come first in the artifact scope, so an input, a `--var` or a
 * pattern's result of the same name wins over them.
 */
export function artifactSpecScope(spec: WorkflowSpec): Record<string, unknown> {
  const optional = {
    description: spec.description,
    metadata: spec.metadata,
    context_policy: spec.context_policy,
  };
  return {
    name: spec.name,
    version: spec.version,
    runtime: spec.runtime,
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
  };
}
