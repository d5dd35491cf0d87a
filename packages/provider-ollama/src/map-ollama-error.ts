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

/** Where the failed call was going, for messages and hints. */
export interface OllamaCallContext {
  readonly modelId: string;
  readonly host: string;
  /** True once the stream's response headers arrived: a failure after that is a cut-off stream. */
  readonly streamStarted: boolean;
  readonly signal: AbortSignal | undefined;
  /** The last HTTP response of the call (ollama-js keeps no headers). */
  readonly response: Response | undefined;
}

/** ollama-js's message when a stream ends without its `done` line (it has no error class for it). */
const missingDoneMessage = 'Did not receive done or success response in stream.';

type ProviderInit = ConstructorParameters<typeof ProviderCallError>[0];

/** Maps anything ollama-js (or the transport under it) throws to a {@link ProviderCallError}. */
export function mapOllamaError(error: unknown, context: OllamaCallContext): ProviderCallError {
  if (ProviderCallError.isInstance(error)) return error;
  // A call's deadline or size cap, raised under ollama-js (which may have wrapped it).
  const carried = carriedProviderError(error);
  if (carried && !context.signal?.aborted) return carried;
  const { modelId, host } = context;
  const make = (kind: ProviderErrorKind, message: string, extra: Partial<ProviderInit> = {}) =>
    new ProviderCallError({ providerId: 'ollama', kind, message, modelId, cause: error, ...extra });

  if (context.signal?.aborted)
    return make('aborted', `The Ollama request for model '${modelId}' was cancelled`);
  const status = (error as { status_code?: unknown }).status_code;
  if ((error as Error).name === 'ResponseError' && typeof status === 'number') {
    return fromStatus(status, (error as Error).message, context, make);
  }
  if (error instanceof SyntaxError) {
    return make('bad-response', `Ollama returned a body that is not valid JSON for model '${modelId}'`, {
      hint: `Check that ${host} is an Ollama server (runtime.host / OLLAMA_HOST).`,
    });
  }
  const failure = transportFailureKind(error);
  if (failure === 'timeout') {
    return make(
      'timeout',
      `The Ollama request for model '${modelId}' timed out: ${rootCauseMessage(error)}`,
      {
        hint: 'A model that is still loading can take long: raise the timeout or warm the model up first.',
      },
    );
  }
  if (context.streamStarted && (failure === 'network' || (error as Error).message === missingDoneMessage)) {
    return make(
      'stream-cut',
      `The Ollama stream for model '${modelId}' was cut off: ${rootCauseMessage(error)}`,
    );
  }
  if (context.streamStarted && error instanceof Error && error.name === 'Error') {
    // ollama-js throws a plain Error for an `{"error": "..."}` line in the middle of a stream.
    return make(
      'server',
      `Ollama failed in the middle of the answer for model '${modelId}': ${error.message}`,
    );
  }
  if (connectionClosedByPeer(error)) {
    return make(
      'network',
      `Ollama at ${host} closed the connection before answering: ${rootCauseMessage(error)}`,
      { hint: closedHint },
    );
  }
  if (isConnectionRefused(error)) {
    // Refused means no process listens there: retrying on a schedule would only repeat it.
    return make('network', `Nothing listens at ${host} (connection refused)`, {
      isRetryable: false,
      hint: 'Start Ollama (ollama serve), or point runtime.host / OLLAMA_HOST at the server.',
    });
  }
  return make('network', `Could not reach Ollama at ${host}: ${rootCauseMessage(error)}`, {
    hint: 'Start Ollama (ollama serve), or point runtime.host / OLLAMA_HOST at it.',
  });
}

function fromStatus(
  status: number,
  detail: string,
  context: OllamaCallContext,
  make: (kind: ProviderErrorKind, message: string, extra?: Partial<ProviderInit>) => ProviderCallError,
): ProviderCallError {
  const { modelId, host } = context;
  const statusCode = status;
  const headers = context.response?.headers;
  const waitMs = headers ? retryAfterMs((name) => headers.get(name)) : undefined;
  const timing = waitMs === undefined ? {} : { retryAfterMs: waitMs };
  switch (providerErrorKindOfStatus(status)) {
    case 'not-found':
      return make('not-found', `Ollama has no model '${modelId}' (404): ${detail}`, {
        statusCode,
        hint: `Pull it first (ollama pull ${modelId}), or fix model_id in the spec.`,
      });
    case 'auth':
      return make('auth', `Ollama at ${host} refused the request (${status}): ${detail}`, {
        statusCode,
        hint: 'Check runtime.host / OLLAMA_HOST and the credentials of any proxy in front of Ollama.',
      });
    case 'rate-limit':
      return make('rate-limit', `Ollama is busy for model '${modelId}' (429): ${detail}`, {
        statusCode,
        ...timing,
        hint: 'Lower runtime.max_parallel, or raise runtime.failure_policy.retries (Retry-After is honoured).',
      });
    case 'timeout':
      return make('timeout', `Ollama timed out for model '${modelId}' (408): ${detail}`, { statusCode });
    case 'server':
      return make('server', `Ollama server error for model '${modelId}' (${status}): ${detail}`, {
        statusCode,
        ...timing,
      });
  }
  return make('bad-request', `Ollama rejected the request for model '${modelId}' (${status}): ${detail}`, {
    statusCode,
    hint: 'Check the agent settings (model_id, inference parameters, tools) in the spec.',
  });
}

/** The server answered the connection and then hung up: it is there, so the advice is about its health. */
const closedHint =
  'The server accepted the connection and closed it mid-response: check its logs (a crash, a proxy or a size limit); the call is retried as the failure policy allows.';
