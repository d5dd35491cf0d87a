/**
 * @strands-cli/provider-bedrock: AWS Bedrock (Converse and ConverseStream) for strands-cli, over a
 * keep-alive connection pool. Importing this module does not load the AWS SDK.
 */

import { bedrockProviderPlugin } from './bedrock-provider-plugin.js';

export { createBedrockProvider } from './bedrock-model-provider.js';
export type { BedrockProviderSettings, BedrockStaticCredentials } from './bedrock-settings.js';
export { VERSION } from './version.js';

/** The provider plugin (`provider: bedrock` in a spec). */
export default bedrockProviderPlugin;
