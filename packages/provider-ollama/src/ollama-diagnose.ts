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
            ? 'GET /api/tags answered, but no model is pulled yet (ollama pull <model>)'
            : `GET /api/tags answered: ${names.join(', ')}`,
      },
    ];
  } catch (error) {
    const detail = signal.aborted
      ? 'GET /api/tags did not answer in time'
      : `not reachable: ${rootCauseMessage(error)} (start it with ollama serve, or set runtime.host / OLLAMA_HOST)`;
    return [{ check, ok: false, detail }];
  } finally {
    await transport.close();
  }
}
