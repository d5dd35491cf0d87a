import type { ExecutorV1 } from './executor-v1.js';
import type { ModelProviderPluginV1 } from './model-provider-v1.js';

/**
 * Declares an executor plugin. An identity function that only adds type checking; export the result
 * as the package's default export.
 * @example export default defineExecutor({ kind: 'executor', specificationVersion: 'v1', id: 'chain', ... })
 */
export function defineExecutor<Config>(executor: ExecutorV1<Config>): ExecutorV1<Config> {
  return executor;
}

/** Declares a model-provider plugin (identity function for type checking). */
export function defineModelProvider<Settings>(
  provider: ModelProviderPluginV1<Settings>,
): ModelProviderPluginV1<Settings> {
  return provider;
}
