import { createLazyTransport, streamTextDeltas } from '@strands-cli/core/provider-utils';
import type {
  ModelProviderV1,
  ModelRequestV1,
  ModelResponseV1,
  ModelStreamPartV1,
} from '@strands-cli/core/spec';
import { convertToOpenAIRequest } from './convert-to-openai-request.js';
import { mapOpenAIError } from './map-openai-error.js';
import { mapOpenAIResponse } from './map-openai-response.js';
import { type OpenAIProviderSettings, openAIDefaultBaseURL } from './openai-settings.js';
import { OpenAIStreamAssembler } from './openai-stream-assembler.js';
import { openOpenAITransport } from './openai-transport.js';

/**
 * Creates a live OpenAI (or OpenAI-compatible) client. It owns one keep-alive connection pool,
 * opened on the first call (the SDK is loaded then, not at import); `close()` releases it.
 * @example const openai = createOpenAIProvider({ apiKey: process.env.OPENAI_API_KEY! });
 */
export function createOpenAIProvider(settings: OpenAIProviderSettings): ModelProviderV1 & {
  /** Loads the SDK and opens the pool now instead of on the first call. */
  warmUp(): Promise<void>;
} {
  const baseURL = settings.baseURL ?? openAIDefaultBaseURL;
  const transport = createLazyTransport({
    providerId: 'openai',
    displayName: 'OpenAI',
    open: () => openOpenAITransport(settings),
  });

  async function generate(request: ModelRequestV1): Promise<ModelResponseV1> {
    const { client, errors } = await transport.get(request.modelId);
    try {
      const completion = await client.chat.completions.create(
        { ...convertToOpenAIRequest(request), stream: false },
        { signal: request.signal },
      );
      return mapOpenAIResponse(completion, request.modelId);
    } catch (error) {
      throw mapOpenAIError(error, errors, {
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
      const chunks = await client.chat.completions.create(
        { ...convertToOpenAIRequest(request), stream: true, stream_options: { include_usage: true } },
        { signal: request.signal },
      );
      streamStarted = true;
      const turn = yield* streamTextDeltas(chunks, new OpenAIStreamAssembler(request.modelId), {
        providerId: 'openai',
        displayName: 'OpenAI',
        modelId: request.modelId,
      });
      yield { type: 'finish', response: turn };
    } catch (error) {
      throw mapOpenAIError(error, errors, {
        modelId: request.modelId,
        baseURL,
        streamStarted,
        signal: request.signal,
      });
    }
  }

  return {
    specificationVersion: 'v1',
    id: 'openai',
    generate,
    stream,
    warmUp: async () => {
      await transport.get();
    },
    close: () => transport.close(),
  };
}
