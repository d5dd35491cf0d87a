import type { InferenceV1, ModelProviderPluginV1 } from '../spec/v1/model-provider-v1.js';
import type { AgentSpec, RuntimeSpec } from '../spec-file/schema/workflow-spec.js';

/** The provider and model settings one agent runs with, after agent overrides. */
export interface EffectiveModelSettings {
  /** The provider name as written (`openai`, a package name, ...). */
  readonly providerName: string;
  readonly modelId: string;
  readonly inference: InferenceV1;
  readonly host: string | undefined;
  readonly region: string | undefined;
}

/** The provider an agent uses: its own `provider`, else `runtime.provider`. */
export function effectiveProviderName(runtime: RuntimeSpec, agent: AgentSpec): string {
  return agent.provider ?? runtime.provider;
}

/**
 * Resolves an agent's settings, the most specific winning: `agent.provider`, `model_id`, `inference`,
 * `host` and `region` override `runtime`. An agent that switches to another provider does not inherit
 * the runtime's model id, host or region (they belong to the runtime's provider); it gets that
 * provider's default model unless it names one.
 */
export function resolveEffectiveSettings(
  runtime: RuntimeSpec,
  agent: AgentSpec,
  plugin: Pick<ModelProviderPluginV1<unknown>, 'defaultModelId'>,
): EffectiveModelSettings {
  const providerName = effectiveProviderName(runtime, agent);
  const sameProvider = providerName === runtime.provider;
  const inherited = sameProvider ? runtime : undefined;
  const inference: InferenceV1 = withoutUndefined({
    temperature: agent.inference?.temperature ?? runtime.temperature,
    topP: agent.inference?.top_p ?? runtime.top_p,
    maxTokens: agent.inference?.max_tokens ?? runtime.max_tokens,
  });
  return {
    providerName,
    modelId: agent.model_id ?? inherited?.model_id ?? plugin.defaultModelId,
    inference,
    host: agent.host ?? inherited?.host,
    region: agent.region ?? inherited?.region,
  };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}
