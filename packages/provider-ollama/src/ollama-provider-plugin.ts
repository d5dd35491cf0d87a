import { defineModelProvider } from '@strands-cli/core/spec';
import { diagnoseOllama } from './ollama-diagnose.js';
import { createOllamaProvider } from './ollama-model-provider.js';
import {
  type OllamaProviderSettings,
  ollamaSettingsSchema,
  ollamaTransportKey,
  resolveOllamaSettings,
} from './ollama-settings.js';
import { VERSION } from './version.js';

/**
 * The plugin the core loads for `provider: ollama`. Cheap to import: ollama-js and undici load in
 * `create`, and the environment is read in `resolveSettings`.
 */
export const ollamaProviderPlugin = defineModelProvider<OllamaProviderSettings>({
  kind: 'model-provider',
  specificationVersion: 'v1',
  id: 'ollama',
  version: VERSION,
  defaultModelId: 'gpt-oss',
  supportedInference: ['temperature', 'top_p', 'max_tokens'],
  configSchema: ollamaSettingsSchema,
  credentialVariables: [],
  endpointVariables: ['OLLAMA_HOST'],
  resolveSettings: resolveOllamaSettings,
  transportKey: ollamaTransportKey,
  create: async (settings) => {
    const provider = createOllamaProvider(settings);
    await provider.warmUp();
    return provider;
  },
  diagnose: diagnoseOllama,
});
