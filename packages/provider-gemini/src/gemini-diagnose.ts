import { rootCauseMessage } from '@strands-cli/core/provider-utils';
import type { DiagnosticV1 } from '@strands-cli/core/spec';
import { parseGeminiErrorMessage } from './gemini-error-body.js';
import { type GeminiProviderSettings, geminiDefaultBaseURL } from './gemini-settings.js';
import { openGeminiTransport } from './gemini-transport.js';

/** The model a spec without `model_id` runs, which doctor looks up. */
export const geminiDefaultModelId = 'gemini-2.5-flash';

/**
 * `strands doctor` for Gemini: does `GET {baseURL}/v1beta/models/{default}` answer with this key
 * (within the signal's deadline)? It tells in one request that the endpoint is reachable, the key
 * is accepted and the default model exists. Whether the key is set at all is the core's generic
 * check (credentialVariables).
 */
export async function diagnoseGemini(
  settings: GeminiProviderSettings,
  signal: AbortSignal,
): Promise<DiagnosticV1[]> {
  const baseURL = settings.baseURL ?? geminiDefaultBaseURL;
  const check = `gemini: endpoint ${baseURL}`;
  const transport = await openGeminiTransport({ ...settings, maxConnections: 1 });
  try {
    await transport.client.models.get({ model: geminiDefaultModelId, config: { abortSignal: signal } });
    return [
      { check, ok: true, detail: 'GET /v1beta/models answered' },
      { check: 'gemini: default model', ok: true, detail: `${geminiDefaultModelId} is listed` },
    ];
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status === 404 && !signal.aborted) {
      return [
        { check, ok: true, detail: 'GET /v1beta/models answered' },
        {
          check: 'gemini: default model',
          ok: true,
          severity: 'warn',
          detail: `${geminiDefaultModelId} is not listed; set runtime.model_id to one that is`,
        },
      ];
    }
    return [{ check, ok: false, detail: explain(error, signal) }];
  } finally {
    await transport.close();
  }
}

function explain(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) return 'GET /v1beta/models did not answer in time';
  const status = (error as { status?: unknown }).status;
  if (typeof status !== 'number') return `not reachable: ${rootCauseMessage(error)}`;
  const body = parseGeminiErrorMessage(String((error as { message?: unknown }).message ?? ''));
  const message = body.message ?? rootCauseMessage(error);
  if (status === 401 || status === 403 || body.reason === 'API_KEY_INVALID')
    return `the key was refused (${status}): ${message}; set GEMINI_API_KEY to a valid key`;
  return `GET /v1beta/models failed (${status}): ${message}`;
}
