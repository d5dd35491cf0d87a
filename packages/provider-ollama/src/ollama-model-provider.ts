import {
  type ModelProviderV1,
  type ModelRequestV1,
  type ModelResponseV1,
  type ModelStreamPartV1,
  ProviderCallError,
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
  let transport: Promise<OllamaTransport> | undefined;
  let closed: Promise<void> | undefined;

  const open = (modelId: string | undefined): Promise<OllamaTransport> => {
    if (closed) {
      return Promise.reject(
        new ProviderCallError({
          providerId: 'ollama',
          kind: 'aborted',
          message: 'This Ollama client is closed',
          ...(modelId === undefined ? {} : { modelId }),
        }),
      );
    }
    transport ??= openOllamaTransport(settings);
    return transport;
  };

  async function generate(request: ModelRequestV1): Promise<ModelResponseV1> {
    const pool = await open(request.modelId);
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
    const pool = await open(request.modelId);
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
      const assembler = new OllamaStreamAssembler();
      for await (const part of parts) {
        const text = assembler.add(part);
        if (text !== '') yield { type: 'text-delta', text };
      }
      if (!assembler.finished) {
        throw new ProviderCallError({
          providerId: 'ollama',
          kind: 'stream-cut',
          message: `The Ollama stream for model '${request.modelId}' ended before the answer was complete`,
          modelId: request.modelId,
        });
      }
      complete = true;
      yield { type: 'finish', response: assembler.response() };
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
