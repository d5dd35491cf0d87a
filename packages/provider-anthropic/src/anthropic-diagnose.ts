import { rootCauseMessage } from '@strands-cli/core/provider-utils';
import type { DiagnosticV1 } from '@strands-cli/core/spec';
import { type AnthropicProviderSettings, anthropicDefaultBaseURL } from './anthropic-settings.js';
import { openAnthropicTransport } from './anthropic-transport.js';

/** The model a spec without `model_id` runs, which doctor looks for in the listing. */
export const anthropicDefaultModelId = 'claude-sonnet-4-20250514';

/**
 * `strands doctor` for Anthropic: does `GET {baseURL}/v1/models` answer with this key (within the
 * signal's deadline), and does it list the default model? A 401/403 there means the key is wrong.
 * Whether the key is set at all is the core's generic check (credentialVariables).
 */
export async function diagnoseAnthropic(
  settings: AnthropicProviderSettings,
  signal: AbortSignal,
): Promise<DiagnosticV1[]> {
  const baseURL = settings.baseURL ?? anthropicDefaultBaseURL;
  const check = `anthropic: endpoint ${baseURL}`;
  const transport = await openAnthropicTransport({ ...settings, maxConnections: 1 });
  try {
    const ids: string[] = [];
    // One page is enough to tell the key works; the default model is on it at the real API.
    const page = await transport.client.models.list({ limit: 100 }, { signal });
    for (const model of page.data) ids.push(model.id);
    const diagnostics: DiagnosticV1[] = [
      { check, ok: true, detail: `GET /v1/models answered (${ids.length} model(s))` },
    ];
    diagnostics.push(
      ids.includes(anthropicDefaultModelId)
        ? { check: 'anthropic: default model', ok: true, detail: `${anthropicDefaultModelId} is listed` }
        : {
            check: 'anthropic: default model',
            ok: true,
            severity: 'warn',
            detail: `${anthropicDefaultModelId} is not listed; set runtime.model_id to one that is`,
          },
    );
    return diagnostics;
  } catch (error) {
    return [{ check, ok: false, detail: explain(error, signal) }];
  } finally {
    await transport.close();
  }
}

function explain(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) return 'GET /v1/models did not answer in time';
  const status = (error as { status?: unknown }).status;
  const apiMessage = (error as { apiMessage?: unknown }).apiMessage;
  const message = typeof apiMessage === 'string' && apiMessage ? apiMessage : rootCauseMessage(error);
  if (status === 401 || status === 403)
    return `the key was refused (${status}): ${message}; set ANTHROPIC_API_KEY to a valid key`;
  if (typeof status === 'number') return `GET /v1/models failed (${status}): ${message}`;
  return `not reachable: ${message}`;
}
