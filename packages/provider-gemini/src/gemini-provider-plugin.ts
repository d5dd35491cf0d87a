import { defineModelProvider } from '@strands-cli/core/spec';
import { diagnoseGemini, geminiDefaultModelId } from './gemini-diagnose.js';
import { createGeminiProvider } from './gemini-model-provider.js';
import {
  type GeminiProviderSettings,
  geminiSettingsSchema,
  geminiTransportKey,
  resolveGeminiSettings,
} from './gemini-settings.js';
import { VERSION } from './version.js';

/**
 * The plugin the core loads for `provider: gemini`. Cheap to import: the SDK and undici load in
 * `create`, and the environment is read in `resolveSettings`.
 */
export const geminiProviderPlugin = defineModelProvider<GeminiProviderSettings>({
  kind: 'model-provider',
  specificationVersion: 'v1',
  id: 'gemini',
  version: VERSION,
  defaultModelId: geminiDefaultModelId,
  supportedInference: ['temperature', 'top_p', 'max_tokens'],
  configSchema: geminiSettingsSchema,
  credentialVariables: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
  endpointVariables: ['GOOGLE_GEMINI_BASE_URL'],
  isOwnEndpoint: (url) => url.protocol === 'https:' && url.hostname === 'generativelanguage.googleapis.com',
  resolveSettings: resolveGeminiSettings,
  transportKey: geminiTransportKey,
  create: async (settings) => {
    const provider = createGeminiProvider(settings);
    await provider.warmUp();
    return provider;
  },
  diagnose: diagnoseGemini,
});
