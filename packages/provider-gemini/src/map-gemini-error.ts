import type { ApiError } from '@google/genai';
import {
  carriedProviderError,
  connectionClosedByPeer,
  isConnectionRefused,
  providerErrorKindOfStatus,
  retryAfterMs,
  rootCauseMessage,
  transportFailureKind,
} from '@strands-cli/core/provider-utils';
import { ProviderCallError, type ProviderErrorKind } from '@strands-cli/core/spec';
import { type GeminiErrorBody, parseGeminiErrorMessage } from './gemini-error-body.js';
import { geminiDefaultBaseURL } from './gemini-settings.js';

/** Where the failed call was going, for messages and hints. */
export interface GeminiCallContext {
  readonly modelId: string;
  readonly baseURL: string;
  /** True once response bytes of a stream arrived: a failure after that is a cut-off stream. */
  readonly streamStarted: boolean;
  readonly signal: AbortSignal | undefined;
  /** The headers of the failed response (the SDK's error keeps only the status and body). */
  readonly headers?: Headers | undefined;
}

type ProviderInit = ConstructorParameters<typeof ProviderCallError>[0];
type Make = (kind: ProviderErrorKind, message: string, extra?: Partial<ProviderInit>) => ProviderCallError;

/** Maps anything the SDK (or the transport under it) throws to a {@link ProviderCallError}. */
export function mapGeminiError(
  error: unknown,
  apiError: typeof ApiError,
  context: GeminiCallContext,
): ProviderCallError {
  if (ProviderCallError.isInstance(error)) return error;
  // A call's deadline or size cap, raised under the SDK (which may have wrapped it).
  const carried = carriedProviderError(error);
  if (carried && !context.signal?.aborted) return carried;
  const { modelId } = context;
  const make: Make = (kind, message, extra = {}) =>
    new ProviderCallError({ providerId: 'gemini', kind, message, modelId, cause: error, ...extra });

  if (context.signal?.aborted) {
    return make('aborted', `The Gemini request for model '${modelId}' was cancelled`);
  }
  if (error instanceof apiError && typeof error.status === 'number') {
    return fromStatus(error.status, parseGeminiErrorMessage(error.message), context, make);
  }
  if (error instanceof SyntaxError || /exception parsing stream chunk|Incomplete JSON/.test(String(error))) {
    if (context.streamStarted && /Incomplete JSON/.test(String(error))) {
      return make('stream-cut', `The Gemini stream for model '${modelId}' was cut off mid-event`);
    }
    return make('bad-response', `Gemini returned a body that is not valid JSON for model '${modelId}'`, {
      hint: `Check that ${context.baseURL} is a Gemini API endpoint.`,
    });
  }
  return fromTransport(error, context, make);
}

const rateLimitHint =
  'Lower runtime.max_parallel, or raise runtime.failure_policy.retries (the server’s retry delay is honoured); check your Gemini API quota.';

function fromStatus(status: number, body: GeminiErrorBody, context: GeminiCallContext, make: Make) {
  const { modelId } = context;
  const detail = `${body.status ? `${body.status}: ` : ''}${body.message ?? `status ${status}`}`;
  const prefix = context.streamStarted ? ' in the middle of the answer' : '';
  const headers = context.headers;
  const waitMs = (headers ? retryAfterMs((name) => headers.get(name)) : undefined) ?? body.retryDelayMs;
  const timing = { statusCode: status, ...(waitMs === undefined ? {} : { retryAfterMs: waitMs }) };
  // The Gemini API answers a wrong key with 400 INVALID_ARGUMENT and reason API_KEY_INVALID.
  const kind = body.reason === 'API_KEY_INVALID' ? 'auth' : providerErrorKindOfStatus(status);
  switch (kind) {
    case 'auth':
      return make('auth', `Gemini refused the credentials (${status}): ${detail}`, {
        statusCode: status,
        hint:
          status === 403 && body.reason !== 'API_KEY_INVALID'
            ? 'The key is valid but may not use this model or API: check the key’s project and restrictions in Google AI Studio.'
            : context.baseURL === geminiDefaultBaseURL
              ? 'Set GEMINI_API_KEY to a valid Gemini API key (https://aistudio.google.com/apikey).'
              : `Set GEMINI_API_KEY to the key the server at ${context.baseURL} expects.`,
      });
    case 'not-found':
      return make('not-found', `Gemini model '${modelId}' was not found (404): ${detail}`, {
        statusCode: status,
        hint: `Check the model_id '${modelId}' (e.g. gemini-2.5-flash), and that runtime.host has no /v1beta suffix.`,
      });
    case 'rate-limit':
      return make('rate-limit', `Gemini rate limit for model '${modelId}'${prefix} (${status}): ${detail}`, {
        ...timing,
        hint: rateLimitHint,
      });
    case 'timeout':
      return make(
        'timeout',
        `Gemini timed out for model '${modelId}'${prefix} (${status}): ${detail}`,
        timing,
      );
    case 'server':
      return make('server', `Gemini server error for model '${modelId}'${prefix} (${status}): ${detail}`, {
        ...timing,
        ...(status === 503
          ? {
              hint: 'Gemini is unavailable or overloaded right now: the call is retried as runtime.failure_policy allows; raise its retries or try again later.',
            }
          : {}),
      });
  }
  return make('bad-request', `Gemini rejected the request for model '${modelId}' (${status}): ${detail}`, {
    statusCode: status,
    hint: 'Check the agent settings (model_id, inference parameters such as max_tokens, tools) in the spec.',
  });
}

function fromTransport(error: unknown, context: GeminiCallContext, make: Make): ProviderCallError {
  const { modelId } = context;
  if (transportFailureKind(error) === 'timeout') {
    return make(
      'timeout',
      `The Gemini request for model '${modelId}' timed out (${where(context)}): ${rootCauseMessage(error)}`,
    );
  }
  if (context.streamStarted) {
    return make(
      'stream-cut',
      `The Gemini stream for model '${modelId}' was cut off: ${rootCauseMessage(error)}`,
    );
  }
  if (connectionClosedByPeer(error)) {
    return make(
      'network',
      `Gemini at ${context.baseURL} closed the connection before answering: ${rootCauseMessage(error)}`,
      {
        hint: 'The server accepted the connection and closed it mid-response: check its logs (a crash, a proxy or a size limit); the call is retried as the failure policy allows.',
      },
    );
  }
  if (isConnectionRefused(error)) {
    // Refused means no process listens there: retrying on a schedule would only repeat it.
    return make('network', `Nothing listens at ${context.baseURL} (connection refused)`, {
      isRetryable: false,
      hint: 'Start the server, or point runtime.host / GOOGLE_GEMINI_BASE_URL at one that is running.',
    });
  }
  return make('network', `Could not reach Gemini at ${context.baseURL}: ${rootCauseMessage(error)}`, {
    hint: 'Check runtime.host / GOOGLE_GEMINI_BASE_URL and your network connection.',
  });
}

function where(context: GeminiCallContext): string {
  return context.streamStarted ? 'while streaming' : `waiting for ${context.baseURL}`;
}
