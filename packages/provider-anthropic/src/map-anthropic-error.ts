import type Anthropic from '@anthropic-ai/sdk';
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
import { anthropicDefaultBaseURL } from './anthropic-settings.js';

/** The SDK's error classes, taken from the lazily loaded module. */
export type AnthropicErrorClasses = Pick<
  typeof Anthropic,
  'APIError' | 'APIUserAbortError' | 'APIConnectionError' | 'APIConnectionTimeoutError'
>;

/** Where the failed call was going, for messages and hints. */
export interface AnthropicCallContext {
  readonly modelId: string;
  readonly baseURL: string;
  /** True once response bytes of a stream arrived: a failure after that is a cut-off stream. */
  readonly streamStarted: boolean;
  readonly signal: AbortSignal | undefined;
}

type ProviderInit = ConstructorParameters<typeof ProviderCallError>[0];
type Make = (kind: ProviderErrorKind, message: string, extra?: Partial<ProviderInit>) => ProviderCallError;
type SdkApiError = InstanceType<AnthropicErrorClasses['APIError']>;

/** Maps anything the SDK (or the transport under it) throws to a {@link ProviderCallError}. */
export function mapAnthropicError(
  error: unknown,
  sdk: AnthropicErrorClasses,
  context: AnthropicCallContext,
): ProviderCallError {
  if (ProviderCallError.isInstance(error)) return error;
  // A call's deadline or size cap, raised under the SDK (which may have wrapped it).
  const carried = carriedProviderError(error);
  if (carried && !context.signal?.aborted) return carried;
  const { modelId } = context;
  const make: Make = (kind, message, extra = {}) =>
    new ProviderCallError({ providerId: 'anthropic', kind, message, modelId, cause: error, ...extra });

  if (context.signal?.aborted || error instanceof sdk.APIUserAbortError) {
    return make('aborted', `The Anthropic request for model '${modelId}' was cancelled`);
  }
  if (error instanceof sdk.APIConnectionTimeoutError) {
    return make('timeout', `The Anthropic request for model '${modelId}' timed out (${where(context)})`);
  }
  if (error instanceof sdk.APIError && typeof error.status === 'number') {
    return fromStatus(error, error.status, context, make);
  }
  if (error instanceof sdk.APIError && !(error instanceof sdk.APIConnectionError)) {
    return fromStreamErrorEvent(error, context, make);
  }
  if (error instanceof SyntaxError) {
    return make('bad-response', `Anthropic returned a body that is not valid JSON for model '${modelId}'`, {
      hint: `Check that ${context.baseURL} is an Anthropic Messages API endpoint.`,
    });
  }
  return fromTransport(error, context, make);
}

const rateLimitHint =
  'Lower runtime.max_parallel, or raise runtime.failure_policy.retries (retry-after is honoured).';
const overloadedHint =
  'Anthropic is overloaded right now: the call is retried as runtime.failure_policy allows; raise its retries or try again later.';

function fromStatus(error: SdkApiError, status: number, context: AnthropicCallContext, make: Make) {
  const detail = providerMessage(error);
  const { modelId } = context;
  const headers = error.headers;
  const waitMs = headers ? retryAfterMs((name) => headers.get(name)) : undefined;
  const timing = { statusCode: status, ...(waitMs === undefined ? {} : { retryAfterMs: waitMs }) };
  switch (providerErrorKindOfStatus(status)) {
    case 'auth':
      return make('auth', `Anthropic refused the credentials (${status}): ${detail}`, {
        statusCode: status,
        hint:
          status === 403
            ? 'The key is valid but may not use this model or feature: check its workspace permissions in the Anthropic console.'
            : context.baseURL === anthropicDefaultBaseURL
              ? 'Set ANTHROPIC_API_KEY to a valid Anthropic API key (https://console.anthropic.com/settings/keys).'
              : `Set ANTHROPIC_API_KEY to the key the server at ${context.baseURL} expects.`,
      });
    case 'not-found':
      return make('not-found', `Anthropic model '${modelId}' was not found (404): ${detail}`, {
        statusCode: status,
        hint: `Check the model_id '${modelId}' (e.g. claude-sonnet-4-20250514), and that runtime.host has no /v1 suffix.`,
      });
    case 'rate-limit':
      return make('rate-limit', `Anthropic rate limit for model '${modelId}' (429): ${detail}`, {
        ...timing,
        hint: rateLimitHint,
      });
    case 'timeout':
      return make('timeout', `Anthropic timed out for model '${modelId}' (408): ${detail}`, timing);
    case 'server':
      return make(
        'server',
        status === 529 || error.type === 'overloaded_error'
          ? `Anthropic is overloaded for model '${modelId}' (${status}): ${detail}`
          : `Anthropic server error for model '${modelId}' (${status}): ${detail}`,
        { ...timing, ...(status === 529 ? { hint: overloadedHint } : {}) },
      );
  }
  return make('bad-request', `Anthropic rejected the request for model '${modelId}' (${status}): ${detail}`, {
    statusCode: status,
    hint: 'Check the agent settings (model_id, inference parameters such as max_tokens, tools) in the spec.',
  });
}

/**
 * An `error` event in the middle of a stream: the status was 200, so the event's error type says
 * what happened (an overload or API error is transient; anything else is not).
 */
function fromStreamErrorEvent(error: SdkApiError, context: AnthropicCallContext, make: Make) {
  const detail = providerMessage(error);
  const { modelId } = context;
  const prefix = `Anthropic failed in the middle of the answer for model '${modelId}'`;
  switch (error.type) {
    case 'rate_limit_error':
      return make('rate-limit', `${prefix} (rate limit): ${detail}`, { hint: rateLimitHint });
    case 'overloaded_error':
      return make('server', `${prefix} (overloaded): ${detail}`, { hint: overloadedHint });
    case 'invalid_request_error':
      return make('bad-request', `${prefix}: ${detail}`, {
        hint: 'Check the agent settings (model_id, inference parameters, tools) in the spec.',
      });
    default:
      return make('server', `${prefix}: ${detail}`);
  }
}

function fromTransport(error: unknown, context: AnthropicCallContext, make: Make): ProviderCallError {
  const { modelId } = context;
  if (transportFailureKind(error) === 'timeout') {
    return make(
      'timeout',
      `The Anthropic request for model '${modelId}' timed out (${where(context)}): ${rootCauseMessage(error)}`,
    );
  }
  if (context.streamStarted) {
    return make(
      'stream-cut',
      `The Anthropic stream for model '${modelId}' was cut off: ${rootCauseMessage(error)}`,
    );
  }
  if (connectionClosedByPeer(error)) {
    return make(
      'network',
      `Anthropic at ${context.baseURL} closed the connection before answering: ${rootCauseMessage(error)}`,
      {
        hint: 'The server accepted the connection and closed it mid-response: check its logs (a crash, a proxy or a size limit); the call is retried as the failure policy allows.',
      },
    );
  }
  if (isConnectionRefused(error)) {
    // Refused means no process listens there: retrying on a schedule would only repeat it.
    return make('network', `Nothing listens at ${context.baseURL} (connection refused)`, {
      isRetryable: false,
      hint: 'Start the server, or point runtime.host / ANTHROPIC_BASE_URL at one that is running.',
    });
  }
  return make('network', `Could not reach Anthropic at ${context.baseURL}: ${rootCauseMessage(error)}`, {
    hint: 'Check runtime.host / ANTHROPIC_BASE_URL and your network connection.',
  });
}

/** The server's own error message (not the SDK's status-prefixed one). */
function providerMessage(error: SdkApiError): string {
  if (typeof error.apiMessage === 'string' && error.apiMessage !== '') return error.apiMessage;
  const body = error.error as { error?: { message?: unknown }; message?: unknown } | undefined;
  const message = body?.error?.message ?? body?.message;
  if (typeof message === 'string' && message !== '') return message;
  return error.message;
}

function where(context: AnthropicCallContext): string {
  return context.streamStarted ? 'while streaming' : `waiting for ${context.baseURL}`;
}
