import {
  callDeadlineError,
  carriedProviderError,
  connectionClosedByPeer,
  providerErrorKindOfStatus,
  type ResponseLimits,
  retryAfterMs,
  rootCauseMessage,
  transportFailureKind,
} from '@strands-cli/core/provider-utils';
import { ProviderCallError, type ProviderErrorKind } from '@strands-cli/core/spec';

/** Where the failed call was going, for messages and hints. */
export interface BedrockCallContext {
  readonly modelId: string;
  readonly region: string | undefined;
  readonly endpoint: string | undefined;
  /** Where the credentials came from (e.g. `AWS_BEARER_TOKEN_BEDROCK`). */
  readonly credentialSource: string;
  /** True once the stream's response arrived: a transport failure after that is a cut-off stream. */
  readonly streamStarted: boolean;
  readonly signal: AbortSignal | undefined;
  /** The call's overall deadline (aborted once it passed) and the limits it came from. */
  readonly deadline?: { readonly signal: AbortSignal; readonly limits: ResponseLimits };
}

type ProviderInit = ConstructorParameters<typeof ProviderCallError>[0];

/** Service exceptions by name (also thrown from the middle of a ConverseStream). */
const kindByException: Readonly<Record<string, ProviderErrorKind>> = {
  ThrottlingException: 'rate-limit',
  ModelNotReadyException: 'rate-limit',
  TooManyRequestsException: 'rate-limit',
  ServiceUnavailableException: 'server',
  InternalServerException: 'server',
  ModelErrorException: 'server',
  ModelStreamErrorException: 'server',
  ModelTimeoutException: 'timeout',
  AccessDeniedException: 'auth',
  UnrecognizedClientException: 'auth',
  InvalidSignatureException: 'auth',
  ExpiredTokenException: 'auth',
  IncompleteSignatureException: 'auth',
  MissingAuthenticationTokenException: 'auth',
  CredentialsProviderError: 'auth',
  TokenProviderError: 'auth',
  ResourceNotFoundException: 'not-found',
  ValidationException: 'bad-request',
  ServiceQuotaExceededException: 'bad-request',
};

/** Maps anything the AWS SDK (or the socket under it) throws to a {@link ProviderCallError}. */
export function mapBedrockError(error: unknown, context: BedrockCallContext): ProviderCallError {
  if (ProviderCallError.isInstance(error)) return withoutSdkAdvice(error);
  if (!context.signal?.aborted) {
    // The size cap, raised under the SDK (which may have wrapped it), or the call's deadline.
    const carried = carriedProviderError(error);
    if (carried) return withoutSdkAdvice(carried);
    if (context.deadline?.signal.aborted) return callDeadlineError('bedrock', context.deadline.limits);
  }
  const { modelId } = context;
  const make = (kind: ProviderErrorKind, message: string, extra: Partial<ProviderInit> = {}) =>
    new ProviderCallError({ providerId: 'bedrock', kind, message, modelId, cause: error, ...extra });
  const name = (error as { name?: unknown }).name;
  const detail = rootCauseMessage(error).replace(sdkAdvice, '');

  if (context.signal?.aborted || name === 'AbortError') {
    return make('aborted', `The Bedrock request for model '${modelId}' was cancelled`);
  }
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const statusCode = typeof status === 'number' ? { statusCode: status } : {};
  const byName = typeof name === 'string' ? kindByException[name] : undefined;
  const kind = byName ?? (typeof status === 'number' ? providerErrorKindOfStatus(status) : undefined);
  if (kind)
    return fromKind(kind, `${String(name)}: ${detail}`, context, make, {
      ...statusCode,
      ...retryAfter(error),
    });
  if (/region is missing/i.test(detail)) {
    return make('bad-request', 'No AWS region is configured for Bedrock', {
      hint: 'Set runtime.region in the spec, or AWS_REGION in the environment.',
    });
  }
  const failure = transportFailureKind(error);
  // The SDK reports a body cut off or stalled half-way as a "deserialization error"; the socket's
  // code says what really happened, and that is retryable.
  if (failure === 'timeout')
    return make('timeout', `The Bedrock request for model '${modelId}' timed out: ${detail}`);
  if (failure === 'network' && /deserializ/i.test(rootCauseMessage(error))) {
    return make('stream-cut', `The Bedrock response for model '${modelId}' was cut off: ${detail}`);
  }
  if (error instanceof SyntaxError || /deserializ/i.test(rootCauseMessage(error))) {
    return make(
      'bad-response',
      `Bedrock returned a body that could not be read for model '${modelId}': ${detail}`,
      {
        hint: 'Check that runtime.host / AWS_ENDPOINT_URL_BEDROCK_RUNTIME points at a Bedrock Runtime endpoint.',
      },
    );
  }
  if (context.streamStarted)
    return make('stream-cut', `The Bedrock stream for model '${modelId}' was cut off: ${detail}`);
  if (connectionClosedByPeer(error)) {
    return make('network', `Bedrock (${where(context)}) closed the connection before answering: ${detail}`, {
      hint: closedHint,
    });
  }
  return make('network', `Could not reach Bedrock (${where(context)}): ${detail}`, {
    hint: 'Check the region, runtime.host / AWS_ENDPOINT_URL_BEDROCK_RUNTIME, and the network.',
  });
}

function fromKind(
  kind: ProviderErrorKind,
  detail: string,
  context: BedrockCallContext,
  make: (kind: ProviderErrorKind, message: string, extra?: Partial<ProviderInit>) => ProviderCallError,
  extra: Partial<ProviderInit>,
): ProviderCallError {
  const { modelId } = context;
  switch (kind) {
    case 'auth':
      return make(kind, `Bedrock refused the credentials from ${context.credentialSource}: ${detail}`, {
        ...extra,
        hint:
          'Set AWS_BEARER_TOKEN_BEDROCK (a Bedrock API key), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, ' +
          `or AWS_PROFILE; and check that model access to '${modelId}' is granted in ${context.region ?? 'the region'}.`,
      });
    case 'not-found':
      return make(
        kind,
        `Bedrock model '${modelId}' was not found in ${context.region ?? 'the region'}: ${detail}`,
        {
          ...extra,
          hint: `Check model_id '${modelId}' (cross-region profiles start with us./eu./apac.) and runtime.region.`,
        },
      );
    case 'bad-request':
      return make(kind, `Bedrock rejected the request for model '${modelId}': ${detail}`, {
        ...extra,
        hint: 'Check the agent settings (model_id, inference parameters, tools) in the spec.',
      });
    case 'rate-limit':
      return make(kind, `Bedrock throttled the request for model '${modelId}': ${detail}`, {
        ...extra,
        hint: 'Lower runtime.max_parallel, raise runtime.failure_policy.retries, or ask AWS for a higher quota.',
      });
    default:
      return make(kind, `Bedrock failed for model '${modelId}': ${detail}`, extra);
  }
}

/** `Retry-After` from the raw response, when the SDK kept it. */
function retryAfter(error: unknown): Partial<ProviderInit> {
  const headers = (error as { $response?: { headers?: Record<string, string | undefined> } }).$response
    ?.headers;
  if (!headers) return {};
  const waitMs = retryAfterMs((name) => headers[name] ?? headers[name.toLowerCase()]);
  return waitMs === undefined ? {} : { retryAfterMs: waitMs };
}

/** The advice about a hidden field the SDK appends to every deserialization error: users cannot act on it. */
const sdkAdvice = /\s*Deserialization error: to see the raw response.*$/s;

/**
 * A copy of an error raised under the SDK without the advice the SDK wrote into its message (it
 * edits the message of whatever the body stream failed with).
 */
function withoutSdkAdvice(error: ProviderCallError): ProviderCallError {
  const message = error.message.replace(sdkAdvice, '');
  if (message === error.message) return error;
  return new ProviderCallError({
    providerId: error.providerId,
    kind: error.kind,
    isRetryable: error.isRetryable,
    message,
    hint: error.hint,
    modelId: error.modelId,
    ...(error.statusCode === undefined ? {} : { statusCode: error.statusCode }),
    ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
  });
}

function where(context: BedrockCallContext): string {
  return context.endpoint ?? `region ${context.region ?? '(unset)'}`;
}

/** The server answered the connection and then hung up: it is there, so the advice is about its health. */
const closedHint =
  'The server accepted the connection and closed it mid-response: check its logs (a crash, a proxy or a size limit); the call is retried as the failure policy allows.';
