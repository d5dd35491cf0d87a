import { defineModelProvider } from '@strands-cli/core/spec';
import { anthropicDefaultModelId, diagnoseAnthropic } from './anthropic-diagnose.js';
import { createAnthropicProvider } from './anthropic-model-provider.js';
import {
  type AnthropicProviderSettings,
  anthropicSettingsSchema,
  anthropicTransportKey,
  defaultMaxTokens,
  resolveAnthropicSettings,
} from './anthropic-settings.js';
import { VERSION } from './version.js';

/**
 * The plugin the core loads for `provider: anthropic`. Cheap to import: the SDK and undici load in
 * `create`, and the environment is read in `resolveSettings`.
 */
export const anthropicProviderPlugin = defineModelProvider<AnthropicProviderSettings>({
  kind: 'model-provider',
  specificationVersion: 'v1',
  id: 'anthropic',
  version: VERSION,
  defaultModelId: anthropicDefaultModelId,
  supportedInference: ['temperature', 'top_p', 'max_tokens'],
  defaultInference: { max_tokens: defaultMaxTokens },
  configSchema: anthropicSettingsSchema,
  credentialVariables: ['ANTHROPIC_API_KEY'],
  endpointVariables: ['ANTHROPIC_BASE_URL'],
  isOwnEndpoint: (url) => url.protocol === 'https:' && url.hostname === 'api.anthropic.com',
  resolveSettings: resolveAnthropicSettings,
  transportKey: anthropicTransportKey,
  create: async (settings) => {
    const provider = createAnthropicProvider(settings);
    await provider.warmUp();
    return provider;
  },
  diagnose: diagnoseAnthropic,
});
