/**
 * @strands-cli/provider-openai: OpenAI and OpenAI-compatible servers (vLLM, LM Studio, llama.cpp
 * server) for strands-cli. Importing this module loads neither the openai SDK nor undici.
 */

import { openAIProviderPlugin } from './openai-provider-plugin.js';

export { createOpenAIProvider } from './openai-model-provider.js';
export type { OpenAIProviderSettings } from './openai-settings.js';
export { VERSION } from './version.js';

/** The provider plugin (`provider: openai` in a spec). */
export default openAIProviderPlugin;
