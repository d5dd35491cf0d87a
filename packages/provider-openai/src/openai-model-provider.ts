import {
  type ModelProviderV1,
  type ModelRequestV1,
  type ModelResponseV1,
  type ModelStreamPartV1,
  ProviderCallError,
} from '@strands-cli/core/spec';
import { convertToOpenAIRequest } from './convert-to-openai-request.js';
import { mapOpenAIError } from './map-openai-error.js';
import { mapOpenAIResponse } from './map-openai-response.js';
import { type OpenAIProviderSettings, openAIDefaultBaseURL } from './openai-settings.js';
import { OpenAIStreamAssembler } from './openai-stream-assembler.js';
import { type OpenAITransport, openOpenAITransport } from './openai-transport.js';

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
  let transport: Promise<OpenAITransport> | undefined;
  let closed: Promise<void> | undefined;

  const open = (modelId: string | undefined): Promise<OpenAITransport> => {
    if (closed) {
      return Promise.reject(
        new ProviderCallError({
          providerId: 'openai',
          kind: 'aborted',
          message: 'This OpenAI client is closed',
          ...(modelId === undefined ? {} : { modelId }),
        }),
      );
    }
    transport ??= openOpenAITransport(settings);
    return transport;
  };

  async function generate(request: ModelRequestV1): Promise<ModelResponseV1> {
    const { client, errors } = await open(request.modelId);
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
    const { client, errors } = await open(request.modelId);
    let streamStarted = false;
    try {
      const chunks = await client.chat.completions.create(
        { ...convertToOpenAIRequest(request), stream: true, stream_options: { include_usage: true } },
        { signal: request.signal },
      );
      streamStarted = true;
      const assembler = new OpenAIStreamAssembler(request.modelId);
      for await (const chunk of chunks) {
        const text = assembler.add(chunk);
        if (text !== '') yield { type: 'text-delta', text };
      }
      if (!assembler.finished) {
        throw new ProviderCallError({
          providerId: 'openai',
          kind: 'stream-cut',
          message: `The OpenAI stream for model '${request.modelId}' ended before the answer was complete`,
          modelId: request.modelId,
        });
      }
      yield { type: 'finish', response: assembler.response() };
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
      await open(undefined);
    },
    close: () => {
      closed ??= (async () => {
        const pending = transport;
        if (pending) await (await pending.catch(() => undefined))?.close();
      })();
      return closed;
    },
  };
}
