import type { HttpOptions } from '@google/genai';
import { createLazyTransport, streamTextDeltas } from '@strands-cli/core/provider-utils';
import type {
  ModelProviderV1,
  ModelRequestV1,
  ModelResponseV1,
  ModelStreamPartV1,
} from '@strands-cli/core/spec';
import { convertToGeminiRequest } from './convert-to-gemini-request.js';
import { type GeminiProviderSettings, geminiDefaultBaseURL } from './gemini-settings.js';
import { GeminiStreamAssembler } from './gemini-stream-assembler.js';
import { type GeminiTransport, openGeminiTransport } from './gemini-transport.js';
import { mapGeminiError } from './map-gemini-error.js';
import { mapGeminiResponse } from './map-gemini-response.js';

/**
 * Creates a live Gemini client. It owns one keep-alive connection pool, opened on the first call
 * (the SDK is loaded then, not at import); `close()` releases it.
 * @example const gemini = createGeminiProvider({ apiKey: process.env.GEMINI_API_KEY! });
 */
export function createGeminiProvider(settings: GeminiProviderSettings): ModelProviderV1 & {
  /** Loads the SDK and opens the pool now instead of on the first call. */
  warmUp(): Promise<void>;
} {
  const baseURL = settings.baseURL ?? geminiDefaultBaseURL;
  const transport = createLazyTransport({
    providerId: 'gemini',
    displayName: 'Gemini',
    open: () => openGeminiTransport(settings),
  });

  async function generate(request: ModelRequestV1): Promise<ModelResponseV1> {
    const open = await transport.get(request.modelId);
    const call = observedCall(open);
    try {
      const response = await open.client.models.generateContent(call.params(request));
      return mapGeminiResponse(response, request.modelId);
    } catch (error) {
      throw mapGeminiError(error, open.ApiError, {
        modelId: request.modelId,
        baseURL,
        streamStarted: false,
        signal: request.signal,
        headers: call.headers(),
      });
    }
  }

  async function* stream(request: ModelRequestV1): AsyncGenerator<ModelStreamPartV1> {
    const open = await transport.get(request.modelId);
    const call = observedCall(open);
    let streamStarted = false;
    try {
      const chunks = await open.client.models.generateContentStream(call.params(request));
      streamStarted = true;
      const turn = yield* streamTextDeltas(chunks, new GeminiStreamAssembler(request.modelId), {
        providerId: 'gemini',
        displayName: 'Gemini',
        modelId: request.modelId,
      });
      yield { type: 'finish', response: turn };
    } catch (error) {
      throw mapGeminiError(error, open.ApiError, {
        modelId: request.modelId,
        baseURL,
        streamStarted,
        signal: request.signal,
        headers: call.headers(),
      });
    }
  }

  return {
    specificationVersion: 'v1',
    id: 'gemini',
    generate,
    stream,
    warmUp: async () => {
      await transport.get();
    },
    close: () => transport.close(),
  };
}

/**
 * One call's request parameters, with a `fetch` that remembers the response headers: the SDK's
 * error keeps only the status and the body, and a 429's `Retry-After` is in the headers.
 */
function observedCall(open: GeminiTransport) {
  let headers: Headers | undefined;
  const fetch: NonNullable<HttpOptions['fetch']> = async (input, init) => {
    const response = await open.fetch(input, init);
    headers = response.headers;
    return response;
  };
  return {
    params: (request: ModelRequestV1) => {
      const { model, contents, config } = convertToGeminiRequest(request);
      return {
        model,
        contents,
        config: { ...config, abortSignal: request.signal, httpOptions: { fetch } },
      };
    },
    headers: () => headers,
  };
}
