import { rootCauseMessage } from '@strands-cli/core/provider-utils';
import type { DiagnosticV1 } from '@strands-cli/core/spec';
import { type OllamaProviderSettings, ollamaDefaultHost } from './ollama-settings.js';
import { openOllamaTransport } from './ollama-transport.js';

/** `strands doctor` for Ollama: does `GET /api/tags` answer within the signal's deadline? */
export async function diagnoseOllama(
  settings: OllamaProviderSettings,
  signal: AbortSignal,
): Promise<DiagnosticV1[]> {
  const host = settings.host ?? ollamaDefaultHost;
  const check = `ollama: server ${host}`;
  const openAIPath = /\/v1\/?$/.test(host);
  // A host ending in /v1 is the address of Ollama's OpenAI-compatible API: the native client adds
  // /api/... after it and finds nothing, which pulling a model would not fix.
  const rootAdvice = openAIPath
    ? `this looks like the OpenAI-compatible path; Ollama's API is at the root (${host.replace(/\/v1\/?$/, '')})`
    : undefined;
  const transport = await openOllamaTransport({ ...settings, maxConnections: 1 });
  try {
    const tags = await transport.clientFor(signal, () => undefined).list();
    const names = tags.models.map((model) => model.name);
    return [
      {
        check,
        ok: true,
        detail:
          names.length === 0
            ? (rootAdvice ?? 'GET /api/tags answered, but no model is pulled yet (ollama pull <model>)')
            : `GET /api/tags answered: ${names.join(', ')}`,
      },
    ];
  } catch (error) {
    const detail = signal.aborted
      ? 'GET /api/tags did not answer in time'
      : `not reachable: ${rootCauseMessage(error)} (${rootAdvice ?? 'start it with ollama serve, or set runtime.host / OLLAMA_HOST'})`;
    return [{ check, ok: false, detail }];
  } finally {
    await transport.close();
  }
}
