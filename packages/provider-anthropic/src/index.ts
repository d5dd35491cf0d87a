/**
 * @strands-cli/provider-anthropic: Anthropic's Messages API (Claude models) for strands-cli.
 * Importing this module loads neither the Anthropic SDK nor undici.
 */

import { anthropicProviderPlugin } from './anthropic-provider-plugin.js';

export { createAnthropicProvider } from './anthropic-model-provider.js';
export type { AnthropicProviderSettings } from './anthropic-settings.js';
export { defaultMaxTokens } from './anthropic-settings.js';
export { VERSION } from './version.js';

/** The provider plugin (`provider: anthropic` in a spec). */
export default anthropicProviderPlugin;
