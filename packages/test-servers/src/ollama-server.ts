import { echoLastUserMessage } from './echo-responder.js';
import { sendJson, startLoopbackServer } from './loopback-server.js';
import type { Exchange, LoopbackServer, LoopbackServerOptions } from './loopback-types.js';
import { playReply, type WireCodec } from './play-reply.js';
import { type TextReply, type ToolCallsReply, textFragments, usageOf } from './scripted-reply.js';

/** A loopback Ollama server (native API). */
export type OllamaServer = LoopbackServer;

/** Options of {@link startOllamaServer}. */
export interface OllamaServerOptions extends LoopbackServerOptions {
  /** Model names `GET /api/tags` lists. Default `['llama3.1:latest', 'gpt-oss:latest']`. */
  readonly models?: readonly string[];
  /**
   * Whether tool calls carry `id` and `function.index` as current servers send them (default true);
   * false imitates older servers, which send neither.
   */
  readonly toolCallIds?: boolean;
}

const createdAt = '2026-11-24T13:00:00Z';

/**
 * Starts a server that answers `POST /api/chat` (one JSON object, or NDJSON lines when `stream` is true
 * or absent, as Ollama does), `GET /api/tags` and `GET /api/version`.
 * @example const server = await startOllamaServer(); new Ollama({ host: server.url });
 */
export async function startOllamaServer(options: OllamaServerOptions = {}): Promise<OllamaServer> {
  const models = options.models ?? ['llama3.1:latest', 'gpt-oss:latest'];
  const codec = ollamaCodec(options.toolCallIds ?? true);
  return startLoopbackServer(
    {
      handle: async (exchange, takeReply) => {
        const { method, path } = exchange.request;
        if (method === 'GET' && path.startsWith('/api/tags')) {
          sendJson(exchange, 200, {
            models: models.map((name) => ({
              name,
              model: name,
              modified_at: createdAt,
              size: 1,
              digest: 'sha256:0',
              details: { format: 'gguf', family: 'llama' },
            })),
          });
          return;
        }
        if (method === 'GET' && path.startsWith('/api/version')) {
          sendJson(exchange, 200, { version: '0.12.0' });
          return;
        }
        if (method === 'POST' && path.startsWith('/api/chat')) {
          await playReply(exchange, takeReply(), codec);
          return;
        }
        writeText404(exchange);
      },
    },
    echoLastUserMessage,
    options,
  );
}

function writeText404(exchange: Exchange): void {
  exchange.res.writeHead(404, { 'content-type': 'text/plain' });
  exchange.res.end('404 page not found');
}

interface ChatBody {
  model?: string;
  stream?: boolean;
}

function ollamaCodec(withIds: boolean): WireCodec {
  const modelOf = (exchange: Exchange) => (exchange.request.body as ChatBody | undefined)?.model ?? 'unknown';
  const line = (value: unknown) => `${JSON.stringify(value)}\n`;
  const finalFields = (answer: TextReply | ToolCallsReply) => {
    const usage = usageOf(answer);
    return {
      done_reason: answer.kind === 'text' ? (answer.finishReason ?? 'stop') : 'stop',
      done: true,
      total_duration: 1_000_000,
      load_duration: 1000,
      ...(usage
        ? {
            prompt_eval_count: usage.input,
            prompt_eval_duration: 1000,
            eval_count: usage.output,
            eval_duration: 1000,
          }
        : {}),
    };
  };
  const toolCalls = (answer: TextReply | ToolCallsReply) =>
    answer.kind !== 'tool-calls'
      ? []
      : answer.calls.map((call, index) =>
          withIds
            ? {
                id: call.id ?? `call_${String(index + 1).padStart(8, '0')}`,
                function: { index, name: call.name, arguments: call.input },
              }
            : { function: { name: call.name, arguments: call.input } },
        );
  return {
    // Ollama streams unless the request says `"stream": false`.
    isStreamed: (exchange) => (exchange.request.body as ChatBody | undefined)?.stream !== false,
    commonHeaders: () => ({}),
    streamContentType: 'application/x-ndjson',
    completeBody: (exchange, answer) => {
      const calls = toolCalls(answer);
      return {
        model: modelOf(exchange),
        created_at: createdAt,
        message: {
          role: 'assistant',
          content: answer.text ?? '',
          ...(calls.length > 0 ? { tool_calls: calls } : {}),
        },
        ...finalFields(answer),
      };
    },
    streamChunks: (exchange, answer) => {
      const model = modelOf(exchange);
      const out = textFragments(answer.text ?? '').map((content) =>
        line({ model, created_at: createdAt, message: { role: 'assistant', content }, done: false }),
      );
      const calls = toolCalls(answer);
      if (calls.length > 0) {
        // A tool call arrives whole, in one line.
        out.push(
          line({
            model,
            created_at: createdAt,
            message: { role: 'assistant', content: '', tool_calls: calls },
            done: false,
          }),
        );
      }
      out.push(
        line({
          model,
          created_at: createdAt,
          message: { role: 'assistant', content: '' },
          ...finalFields(answer),
        }),
      );
      return out;
    },
    streamErrorChunk: (message) => line({ error: message }),
    invalidStreamChunk: () => '{"model": "broken", "message": {\n',
    errorResponse: (exchange, status, message) => ({
      body: { error: message ?? defaultMessage(status, modelOf(exchange)) },
    }),
  };
}

function defaultMessage(status: number, model: string): string {
  if (status === 404) return `model '${model}' not found`;
  if (status === 400) return 'invalid request';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 429) return 'too many requests';
  return 'an internal error occurred';
}
