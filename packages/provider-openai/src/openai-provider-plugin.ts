import { defineModelProvider } from '@strands-cli/core/spec';
import { diagnoseOpenAI } from './openai-diagnose.js';
import { createOpenAIProvider } from './openai-model-provider.js';
import {
  type OpenAIProviderSettings,
  openAISettingsSchema,
  openAITransportKey,
  resolveOpenAISettings,
} from './openai-settings.js';
import { VERSION } from './version.js';

/**
 * The plugin the core loads for `provider: openai`. Cheap to import: the SDK and undici load in
 * `create`, and the environment is read in `resolveSettings`.
 */
export const openAIProviderPlugin = defineModelProvider<OpenAIProviderSettings>({
  kind: 'model-provider',
  specificationVersion: 'v1',
  id: 'openai',
  version: VERSION,
  defaultModelId: 'gpt-4o-mini',
  supportedInference: ['temperature', 'top_p', 'max_tokens'],
  configSchema: openAISettingsSchema,
  credentialVariables: ['OPENAI_API_KEY'],
  endpointVariables: ['OPENAI_BASE_URL'],
  isOwnEndpoint: (url) => url.protocol === 'https:' && url.hostname === 'api.openai.com',
  resolveSettings: resolveOpenAISettings,
  transportKey: openAITransportKey,
  create: async (settings) => {
    const provider = createOpenAIProvider(settings);
    await provider.warmUp();
    return provider;
  },
  diagnose: diagnoseOpenAI,
});
