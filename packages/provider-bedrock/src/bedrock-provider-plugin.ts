import { defineModelProvider } from '@strands-cli/core/spec';
import { diagnoseBedrock } from './bedrock-diagnose.js';
import { createBedrockProvider } from './bedrock-model-provider.js';
import {
  type BedrockProviderSettings,
  bedrockSettingsSchema,
  bedrockTransportKey,
  resolveBedrockSettings,
} from './bedrock-settings.js';
import { VERSION } from './version.js';

/**
 * The plugin the core loads for `provider: bedrock`. Cheap to import: the AWS SDK loads in `create`,
 * and the environment is read in `resolveSettings`.
 */
export const bedrockProviderPlugin = defineModelProvider<BedrockProviderSettings>({
  kind: 'model-provider',
  specificationVersion: 'v1',
  id: 'bedrock',
  version: VERSION,
  defaultModelId: 'us.anthropic.claude-3-sonnet-20240229-v1:0',
  supportedInference: ['temperature', 'top_p', 'max_tokens'],
  configSchema: bedrockSettingsSchema,
  credentialVariables: [
    'AWS_BEARER_TOKEN_BEDROCK',
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
  ],
  endpointVariables: ['AWS_ENDPOINT_URL_BEDROCK_RUNTIME', 'AWS_ENDPOINT_URL'],
  // The SDK's default chain also finds profiles, SSO and instance roles, and signs with them.
  ambientCredentials: true,
  isOwnEndpoint: (url) =>
    url.protocol === 'https:' &&
    /^bedrock-runtime(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/.test(url.hostname),
  resolveSettings: resolveBedrockSettings,
  transportKey: bedrockTransportKey,
  create: async (settings) => {
    const provider = createBedrockProvider(settings);
    await provider.warmUp();
    return provider;
  },
  diagnose: diagnoseBedrock,
});
