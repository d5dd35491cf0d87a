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
import type OpenAI from 'openai';
import { openAIDefaultBaseURL } from './openai-settings.js';

/** The SDK's error classes, taken from the lazily loaded module. */
export type OpenAIErrorClasses = Pick<
  typeof OpenAI,
  'APIError' | 'APIUserAbortError' | 'APIConnectionError' | 'APIConnectionTimeoutError'
>;

/** Where the failed call was going, for messages and hints. */
export interface OpenAICallContext {
  readonly modelId: string;
  readonly baseURL: string;
  /** True once response bytes of a stream arrived: a failure after that is a cut-off stream. */
  readonly streamStarted: boolean;
  readonly signal: AbortSignal | undefined;
}

/** Maps anything the SDK (or the transport under it) throws to a {@link ProviderCallError}. */
export function mapOpenAIError(
  error: unknown,
  sdk: OpenAIErrorClasses,
  context: OpenAICallContext,
): ProviderCallError {
  if (ProviderCallError.isInstance(error)) return error;
  // A call's deadline or size cap, raised under the SDK (which may have wrapped it).
  const carried = carriedProviderError(error);
  if (carried && !context.signal?.aborted) return carried;
  const { modelId } = context;
  const make = (kind: ProviderErrorKind, message: string, extra: Partial<ProviderInit> = {}) =>
    new ProviderCallError({ providerId: 'openai', kind, message, modelId, cause: error, ...extra });

  if (context.signal?.aborted || error instanceof sdk.APIUserAbortError) {
    return make('aborted', `The OpenAI request for model '${modelId}' was cancelled`);
  }
  if (error instanceof sdk.APIConnectionTimeoutError) {
    return make('timeout', `The OpenAI request for model '${modelId}' timed out (${where(context)})`);
  }
  if (error instanceof sdk.APIError && typeof error.status === 'number') {
    return fromStatus(error, context, make);
  }
  if (error instanceof sdk.APIError && !(error instanceof sdk.APIConnectionError)) {
    // An `{"error": ...}` event in the middle of a stream: the server gave up on this turn.
    return make(
      'server',
      `OpenAI failed in the middle of the answer for model '${modelId}': ${providerMessage(error)}`,
    );
  }
  if (error instanceof SyntaxError) {
    return make('bad-response', `OpenAI returned a body that is not valid JSON for model '${modelId}'`, {
      hint: `Check that ${context.baseURL} is an OpenAI-compatible Chat Completions endpoint.`,
    });
  }
  const failure = transportFailureKind(error);
  if (failure === 'timeout') {
    return make(
      'timeout',
      `The OpenAI request for model '${modelId}' timed out (${where(context)}): ${rootCauseMessage(error)}`,
    );
  }
  if (context.streamStarted) {
    return make(
      'stream-cut',
      `The OpenAI stream for model '${modelId}' was cut off: ${rootCauseMessage(error)}`,
    );
  }
  if (connectionClosedByPeer(error)) {
    return make(
      'network',
      `OpenAI at ${context.baseURL} closed the connection before answering: ${rootCauseMessage(error)}`,
      { hint: closedHint },
    );
  }
  if (isConnectionRefused(error)) {
    // Refused means no process listens there: retrying on a schedule would only repeat it.
    return make('network', `Nothing listens at ${context.baseURL} (connection refused)`, {
      isRetryable: false,
      hint: 'Start the server, or point runtime.host / OPENAI_BASE_URL at one that is running.',
    });
  }
  return make('network', `Could not reach OpenAI at ${context.baseURL}: ${rootCauseMessage(error)}`, {
    hint: 'Check runtime.host / OPENAI_BASE_URL and that the server is running.',
  });
}

type ProviderInit = ConstructorParameters<typeof ProviderCallError>[0];

const rateLimitHint =
  'Lower runtime.max_parallel, or raise runtime.failure_policy.retries (Retry-After is honoured).';

function fromStatus(
  error: InstanceType<OpenAIErrorClasses['APIError']>,
  context: OpenAICallContext,
  make: (kind: ProviderErrorKind, message: string, extra?: Partial<ProviderInit>) => ProviderCallError,
): ProviderCallError {
  const status = error.status as number;
  const detail = providerMessage(error);
  const { modelId } = context;
  const statusCode = status;
  const headers = error.headers;
  const waitMs = headers ? retryAfterMs((name) => headers.get(name)) : undefined;
  const timing = waitMs === undefined ? {} : { retryAfterMs: waitMs };
  switch (providerErrorKindOfStatus(status)) {
    case 'auth':
      return make('auth', `OpenAI refused the credentials (${status}): ${detail}`, {
        statusCode,
        hint:
          context.baseURL === openAIDefaultBaseURL
            ? 'Set OPENAI_API_KEY to a valid OpenAI API key (https://platform.openai.com/api-keys).'
            : `Set OPENAI_API_KEY to the key the server at ${context.baseURL} expects.`,
      });
    case 'not-found':
      return make('not-found', `OpenAI model '${modelId}' was not found (404): ${detail}`, {
        statusCode,
        hint: `Check the model_id '${modelId}' (and that runtime.host ends with the API path, e.g. /v1).`,
      });
    case 'rate-limit': {
      // An exhausted quota is reported as 429 too, but waiting will not help.
      const quota = error.code === 'insufficient_quota';
      return make('rate-limit', `OpenAI rate limit for model '${modelId}' (429): ${detail}`, {
        statusCode,
        ...timing,
        hint: quota ? 'Your OpenAI quota is exhausted: check your plan and billing.' : rateLimitHint,
        ...(quota ? { isRetryable: false } : {}),
      });
    }
    case 'timeout':
      return make('timeout', `OpenAI timed out for model '${modelId}' (408): ${detail}`, { statusCode });
    case 'server':
      return make('server', `OpenAI server error for model '${modelId}' (${status}): ${detail}`, {
        statusCode,
        ...timing,
      });
  }
  return make('bad-request', `OpenAI rejected the request for model '${modelId}' (${status}): ${detail}`, {
    statusCode,
    hint: 'Check the agent settings (model_id, inference parameters, tools) in the spec.',
  });
}

/** The server's own error message (not the SDK's status-prefixed one). */
function providerMessage(error: InstanceType<OpenAIErrorClasses['APIError']>): string {
  const body = error.error as { message?: unknown } | undefined;
  if (typeof body?.message === 'string' && body.message !== '') return body.message;
  return error.message;
}

function where(context: OpenAICallContext): string {
  return context.streamStarted ? 'while streaming' : `waiting for ${context.baseURL}`;
}

/** The server answered the connection and then hung up: it is there, so the advice is about its health. */
const closedHint =
  'The server accepted the connection and closed it mid-response: check its logs (a crash, a proxy or a size limit); the call is retried as the failure policy allows.';
