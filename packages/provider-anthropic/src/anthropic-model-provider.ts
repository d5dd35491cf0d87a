import { createLazyTransport, streamTextDeltas } from '@strands-cli/core/provider-utils';
import type {
  ModelProviderV1,
  ModelRequestV1,
  ModelResponseV1,
  ModelStreamPartV1,
} from '@strands-cli/core/spec';
import { type AnthropicProviderSettings, anthropicDefaultBaseURL } from './anthropic-settings.js';
import { AnthropicStreamAssembler } from './anthropic-stream-assembler.js';
import { openAnthropicTransport } from './anthropic-transport.js';
import { convertToAnthropicRequest } from './convert-to-anthropic-request.js';
import { mapAnthropicError } from './map-anthropic-error.js';
import { mapAnthropicResponse } from './map-anthropic-response.js';

/**
 * Creates a live Anthropic client. It owns one keep-alive connection pool, opened on the first call
 * (the SDK is loaded then, not at import); `close()` releases it.
 * @example const anthropic = createAnthropicProvider({ apiKey: process.env.ANTHROPIC_API_KEY! });
 */
export function createAnthropicProvider(settings: AnthropicProviderSettings): ModelProviderV1 & {
  /** Loads the SDK and opens the pool now instead of on the first call. */
  warmUp(): Promise<void>;
} {
  const baseURL = settings.baseURL ?? anthropicDefaultBaseURL;
  const transport = createLazyTransport({
    providerId: 'anthropic',
    displayName: 'Anthropic',
    open: () => openAnthropicTransport(settings),
  });

  async function generate(request: ModelRequestV1): Promise<ModelResponseV1> {
    const { client, errors } = await transport.get(request.modelId);
    try {
      const message = await client.messages.create(
        { ...convertToAnthropicRequest(request), stream: false },
        { signal: request.signal },
      );
      return mapAnthropicResponse(message, request.modelId);
    } catch (error) {
      throw mapAnthropicError(error, errors, {
        modelId: request.modelId,
        baseURL,
        streamStarted: false,
        signal: request.signal,
      });
    }
  }

  async function* stream(request: ModelRequestV1): AsyncGenerator<ModelStreamPartV1> {
    const { client, errors } = await transport.get(request.modelId);
    let streamStarted = false;
    try {
      const events = await client.messages.create(
        { ...convertToAnthropicRequest(request), stream: true },
        { signal: request.signal },
      );
      streamStarted = true;
      const turn = yield* streamTextDeltas(events, new AnthropicStreamAssembler(request.modelId), {
        providerId: 'anthropic',
        displayName: 'Anthropic',
        modelId: request.modelId,
      });
      yield { type: 'finish', response: turn };
    } catch (error) {
      throw mapAnthropicError(error, errors, {
        modelId: request.modelId,
        baseURL,
        streamStarted,
        signal: request.signal,
      });
    }
  }

  return {
    specificationVersion: 'v1',
    id: 'anthropic',
    generate,
    stream,
    warmUp: async () => {
      await transport.get();
    },
    close: () => transport.close(),
  };
}
