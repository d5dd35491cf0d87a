/**
 * @strands-cli/provider-gemini: Google's Gemini API (Generative Language API) for strands-cli.
 * Importing this module loads neither the Google Gen AI SDK nor undici.
 */

import { geminiProviderPlugin } from './gemini-provider-plugin.js';

export { createGeminiProvider } from './gemini-model-provider.js';
export type { GeminiProviderSettings } from './gemini-settings.js';
export { VERSION } from './version.js';

/** The provider plugin (`provider: gemini` in a spec). */
export default geminiProviderPlugin;
