import {
  createLazyTransport,
  defaultResponseLimits,
  safeTimeoutMs,
  streamTextDeltas,
} from '@strands-cli/core/provider-utils';
import type {
  ModelProviderV1,
  ModelRequestV1,
  ModelResponseV1,
  ModelStreamPartV1,
} from '@strands-cli/core/spec';
import { type BedrockProviderSettings, credentialSource } from './bedrock-settings.js';
import { openBedrockTransport } from './bedrock-transport.js';
import { convertToBedrockRequest } from './convert-to-bedrock-request.js';
import { type BedrockCallContext, mapBedrockError } from './map-bedrock-error.js';
import { BedrockStreamAssembler, mapBedrockResponse } from './map-bedrock-response.js';

/**
 * Creates a live Bedrock Runtime client (Converse / ConverseStream). It owns one keep-alive HTTP/1.1
 * connection pool, opened on the first call (the AWS SDK is loaded then, not at import); `close()`
 * releases it.
 * @example const bedrock = createBedrockProvider({ region: 'us-east-1' });
 */
export function createBedrockProvider(settings: BedrockProviderSettings = {}): ModelProviderV1 & {
  /** Loads the AWS SDK and builds the client now instead of on the first call. */
  warmUp(): Promise<void>;
} {
  const transport = createLazyTransport({
    providerId: 'bedrock',
    displayName: 'Bedrock',
    open: () => openBedrockTransport(settings),
  });
  const limits = settings.limits ?? defaultResponseLimits;
  const context = (
    request: ModelRequestV1,
    deadline: AbortSignal,
    streamStarted: boolean,
  ): BedrockCallContext => ({
    modelId: request.modelId,
    region: settings.region,
    endpoint: settings.endpoint,
    credentialSource: credentialSource(settings),
    streamStarted,
    signal: request.signal,
    deadline: { signal: deadline, limits },
  });
  // The transport timeouts bound only silences; this bounds the whole call, to its last body byte
  // (the SDK's handler keeps listening to the signal until the response ends).
  const deadlineSignal = (request: ModelRequestV1): { deadline: AbortSignal; abortSignal: AbortSignal } => {
    const deadline = AbortSignal.timeout(safeTimeoutMs(limits.callDeadlineMs));
    const abortSignal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
    return { deadline, abortSignal };
  };

  async function generate(request: ModelRequestV1): Promise<ModelResponseV1> {
    const { client, sdk } = await transport.get(request.modelId);
    const { deadline, abortSignal } = deadlineSignal(request);
    try {
      const response = await client.send(new sdk.ConverseCommand(convertToBedrockRequest(request)), {
        abortSignal,
      });
      return mapBedrockResponse(response, request.modelId);
    } catch (error) {
      throw mapBedrockError(error, context(request, deadline, false));
    }
  }

  async function* stream(request: ModelRequestV1): AsyncGenerator<ModelStreamPartV1> {
    const { client, sdk } = await transport.get(request.modelId);
    const { deadline, abortSignal } = deadlineSignal(request);
    let streamStarted = false;
    try {
      const response = await client.send(new sdk.ConverseStreamCommand(convertToBedrockRequest(request)), {
        abortSignal,
      });
      streamStarted = true;
      const turn = yield* streamTextDeltas(
        response.stream ?? [],
        new BedrockStreamAssembler(request.modelId),
        {
          providerId: 'bedrock',
          displayName: 'Bedrock',
          modelId: request.modelId,
        },
      );
      yield { type: 'finish', response: turn };
    } catch (error) {
      throw mapBedrockError(error, context(request, deadline, streamStarted));
    }
  }

  return {
    specificationVersion: 'v1',
    id: 'bedrock',
    generate,
    stream,
    warmUp: async () => {
      await transport.get();
    },
    close: () => transport.close(),
  };
}
