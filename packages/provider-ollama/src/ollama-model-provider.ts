import { createLazyTransport, streamTextDeltas } from '@strands-cli/core/provider-utils';
import type {
  ModelProviderV1,
  ModelRequestV1,
  ModelResponseV1,
  ModelStreamPartV1,
} from '@strands-cli/core/spec';
import { convertToOllamaRequest } from './convert-to-ollama-request.js';
import { mapOllamaError } from './map-ollama-error.js';
import { mapOllamaResponse, OllamaStreamAssembler } from './map-ollama-response.js';
import { type OllamaProviderSettings, ollamaDefaultHost } from './ollama-settings.js';
import { type OllamaTransport, openOllamaTransport } from './ollama-transport.js';

function streamChat(client: ReturnType<OllamaTransport['clientFor']>, request: ModelRequestV1) {
  return client.chat({ ...convertToOllamaRequest(request), stream: true });
}

/**
 * Creates a live Ollama client. It owns one keep-alive connection pool, opened on the first call
 * (ollama-js is loaded then, not at import); `close()` releases it.
 * @example const ollama = createOllamaProvider({ host: 'http://localhost:11434' });
 */
export function createOllamaProvider(settings: OllamaProviderSettings = {}): ModelProviderV1 & {
  /** Loads ollama-js and opens the pool now instead of on the first call. */
  warmUp(): Promise<void>;
} {
  const host = settings.host ?? ollamaDefaultHost;
  const transport = createLazyTransport({
    providerId: 'ollama',
    displayName: 'Ollama',
    open: () => openOllamaTransport(settings),
  });

  async function generate(request: ModelRequestV1): Promise<ModelResponseV1> {
    const pool = await transport.get(request.modelId);
    let response: Response | undefined;
    const client = pool.clientFor(request.signal, (seen) => {
      response = seen;
    });
    try {
      return mapOllamaResponse(await client.chat({ ...convertToOllamaRequest(request), stream: false }));
    } catch (error) {
      throw mapOllamaError(error, {
        modelId: request.modelId,
        host,
        streamStarted: false,
        signal: request.signal,
        response,
      });
    }
  }

  async function* stream(request: ModelRequestV1): AsyncGenerator<ModelStreamPartV1> {
    const pool = await transport.get(request.modelId);
    let response: Response | undefined;
    const client = pool.clientFor(request.signal, (seen) => {
      response = seen;
    });
    let streamStarted = false;
    let parts: Awaited<ReturnType<typeof streamChat>> | undefined;
    let complete = false;
    try {
      parts = await streamChat(client, request);
      streamStarted = true;
      const turn = yield* streamTextDeltas(parts, new OllamaStreamAssembler(), {
        providerId: 'ollama',
        displayName: 'Ollama',
        modelId: request.modelId,
      });
      complete = true;
      yield { type: 'finish', response: turn };
    } catch (error) {
      throw mapOllamaError(error, {
        modelId: request.modelId,
        host,
        streamStarted,
        signal: request.signal,
        response,
      });
    } finally {
      // A consumer that stops early must not leave the response body (and its socket) half-read.
      if (!complete) parts?.abort();
    }
  }

  return {
    specificationVersion: 'v1',
    id: 'ollama',
    generate,
    stream,
    warmUp: async () => {
      await transport.get();
    },
    close: () => transport.close(),
  };
}
