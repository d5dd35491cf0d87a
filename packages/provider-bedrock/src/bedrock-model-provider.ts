import { createLazyTransport, streamTextDeltas } from '@strands-cli/core/provider-utils';
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
  const context = (request: ModelRequestV1, streamStarted: boolean): BedrockCallContext => ({
    modelId: request.modelId,
    region: settings.region,
    endpoint: settings.endpoint,
    credentialSource: credentialSource(settings),
    streamStarted,
    signal: request.signal,
  });

  async function generate(request: ModelRequestV1): Promise<ModelResponseV1> {
    const { client, sdk } = await transport.get(request.modelId);
    try {
      const response = await client.send(new sdk.ConverseCommand(convertToBedrockRequest(request)), {
        abortSignal: request.signal,
      });
      return mapBedrockResponse(response, request.modelId);
    } catch (error) {
      throw mapBedrockError(error, context(request, false));
    }
  }

  async function* stream(request: ModelRequestV1): AsyncGenerator<ModelStreamPartV1> {
    const { client, sdk } = await transport.get(request.modelId);
    let streamStarted = false;
    try {
      const response = await client.send(new sdk.ConverseStreamCommand(convertToBedrockRequest(request)), {
        abortSignal: request.signal,
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
      throw mapBedrockError(error, context(request, streamStarted));
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
