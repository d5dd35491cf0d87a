import { rootCauseMessage } from '@strands-cli/core/provider-utils';
import type { DiagnosticV1 } from '@strands-cli/core/spec';
import { type OpenAIProviderSettings, openAIDefaultBaseURL, placeholderApiKey } from './openai-settings.js';
import { openOpenAITransport } from './openai-transport.js';

/**
 * `strands doctor` for OpenAI: does `GET {baseURL}/models` answer (within the signal's deadline)?
 * A 401/403 there means the key is wrong.
 */
export async function diagnoseOpenAI(
  settings: OpenAIProviderSettings,
  signal: AbortSignal,
): Promise<DiagnosticV1[]> {
  const baseURL = settings.baseURL ?? openAIDefaultBaseURL;
  // Whether a key is set is the core's generic check (credentialVariables); only its absence in
  // front of a compatible server needs a word here.
  const diagnostics: DiagnosticV1[] =
    settings.apiKey === placeholderApiKey
      ? [
          {
            check: 'openai: API key',
            ok: true,
            severity: 'warn',
            detail: `OPENAI_API_KEY is not set; fine if the server at ${baseURL} needs no key`,
          },
        ]
      : [];
  const transport = await openOpenAITransport({ ...settings, maxConnections: 1 });
  try {
    const page = await transport.client.models.list({ signal });
    diagnostics.push({
      check: `openai: endpoint ${baseURL}`,
      ok: true,
      detail: `GET /models answered (${page.data.length} model(s))`,
    });
  } catch (error) {
    diagnostics.push({ check: `openai: endpoint ${baseURL}`, ok: false, detail: explain(error, signal) });
  } finally {
    await transport.close();
  }
  return diagnostics;
}

function explain(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) return 'GET /models did not answer in time';
  const status = (error as { status?: unknown }).status;
  const body = (error as { error?: { message?: unknown } }).error;
  const message = typeof body?.message === 'string' ? body.message : rootCauseMessage(error);
  if (status === 401 || status === 403)
    return `the key was refused (${status}): ${message}; set OPENAI_API_KEY to a valid key`;
  if (typeof status === 'number') return `GET /models failed (${status}): ${message}`;
  return `not reachable: ${message}`;
}
