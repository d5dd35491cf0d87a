/**
 * @strands-cli/provider-ollama: Ollama's native API for strands-cli. Importing this module loads
 * neither ollama-js nor undici.
 */

import { ollamaProviderPlugin } from './ollama-provider-plugin.js';

export { createOllamaProvider } from './ollama-model-provider.js';
export type { OllamaProviderSettings } from './ollama-settings.js';
export { VERSION } from './version.js';

/** The provider plugin (`provider: ollama` in a spec). */
export default ollamaProviderPlugin;
