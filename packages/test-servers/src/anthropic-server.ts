import { echoLastUserMessage } from './echo-responder.js';
import { sendJson, startLoopbackServer } from './loopback-server.js';
import type { Exchange, LoopbackServer, LoopbackServerOptions } from './loopback-types.js';
import { playReply, type WireCodec } from './play-reply.js';
import type { TextReply, ToolCallsReply } from './scripted-reply.js';
import { jsonFragments, textFragments, usageOf } from './scripted-reply.js';

/** A loopback Anthropic Messages API server. */
export interface AnthropicServer extends LoopbackServer {
  /** The SDK's `baseURL` (and `ANTHROPIC_BASE_URL`): `http://127.0.0.1:<port>`, no `/v1`. */
  readonly baseURL: string;
}

/** Options of {@link startAnthropicServer}. */
export interface AnthropicServerOptions extends LoopbackServerOptions {
  /** Model ids `GET /v1/models` lists. Default `['claude-sonnet-4-20250514']`. */
  readonly models?: readonly string[];
  /**
   * When set, every request that carries neither `Authorization: Bearer <apiKey>` (what SDK 1.x
   * sends) nor `x-api-key: <apiKey>` (what 0.x sent) gets the API's 401, before any scripted reply is
   * taken, as the real API does.
   */
  readonly apiKey?: string;
}

/**
 * Starts a server that answers `POST /v1/messages` (JSON, or the SSE event stream when the body says
 * `stream: true`: message_start, content_block_start/delta/stop, ping, message_delta with the
 * cumulative output tokens, message_stop, and `error` events) and `GET /v1/models`.
 * @example const server = await startAnthropicServer(); server.enqueue(reply.text('Hello'));
 */
export async function startAnthropicServer(options: AnthropicServerOptions = {}): Promise<AnthropicServer> {
  const models = options.models ?? ['claude-sonnet-4-20250514'];
  let ids = 0;
  const codec = anthropicCodec(() => `msg_loop${++ids}`);
  const server = await startLoopbackServer(
    {
      handle: async (exchange, takeReply) => {
        const { method, path, headers } = exchange.request;
        if (options.apiKey !== undefined && !carriesKey(headers, options.apiKey)) {
          sendJson(exchange, 401, errorBody('authentication_error', 'invalid x-api-key'), requestId());
          return;
        }
        if (method === 'GET' && /^\/v1\/models\/?(\?.*)?$/.test(path)) {
          const data = models.map((id) => ({
            type: 'model',
            id,
            display_name: id,
            created_at: '2025-05-14T00:00:00Z',
          }));
          sendJson(exchange, 200, {
            data,
            has_more: false,
            first_id: models[0] ?? null,
            last_id: models.at(-1) ?? null,
          });
          return;
        }
        if (method === 'POST' && /^\/v1\/messages\/?(\?.*)?$/.test(path)) {
          await playReply(exchange, takeReply(), codec);
          return;
        }
        sendJson(exchange, 404, errorBody('not_found_error', `Unknown path ${path}`), requestId());
      },
    },
    echoLastUserMessage,
    options,
  );
  return Object.assign(server, { baseURL: server.url });
}

function carriesKey(headers: Exchange['request']['headers'], apiKey: string): boolean {
  return headers.authorization === `Bearer ${apiKey}` || headers['x-api-key'] === apiKey;
}

interface MessagesBody {
  model?: string;
  stream?: boolean;
}

function anthropicCodec(nextId: () => string): WireCodec {
  return {
    isStreamed: (exchange) => (exchange.request.body as MessagesBody | undefined)?.stream === true,
    commonHeaders: requestId,
    streamContentType: 'text/event-stream',
    completeBody: (exchange, answer) => {
      const usage = usageOf(answer);
      return {
        id: nextId(),
        type: 'message',
        role: 'assistant',
        model: modelOf(exchange),
        content: [
          ...(answer.text ? [{ type: 'text', text: answer.text }] : []),
          ...toolUses(answer).map((call) => ({ type: 'tool_use', ...call })),
        ],
        stop_reason: stopReason(answer),
        stop_sequence: null,
        usage: { input_tokens: usage?.input ?? 0, output_tokens: usage?.output ?? 0 },
      };
    },
    streamChunks: (exchange, answer) => {
      const usage = usageOf(answer);
      const message = {
        id: nextId(),
        type: 'message',
        role: 'assistant',
        model: modelOf(exchange),
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: usage?.input ?? 0, output_tokens: usage ? 1 : 0 },
      };
      const out = [event('message_start', { message })];
      let index = 0;
      if (answer.text) {
        out.push(event('content_block_start', { index, content_block: { type: 'text', text: '' } }));
        out.push(event('ping', {}));
        for (const piece of textFragments(answer.text)) {
          out.push(event('content_block_delta', { index, delta: { type: 'text_delta', text: piece } }));
        }
        out.push(event('content_block_stop', { index }));
        index += 1;
      }
      for (const call of toolUses(answer)) {
        const block = { type: 'tool_use', id: call.id, name: call.name, input: {} };
        out.push(event('content_block_start', { index, content_block: block }));
        for (const part of jsonFragments(JSON.stringify(call.input))) {
          out.push(
            event('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: part } }),
          );
        }
        out.push(event('content_block_stop', { index }));
        index += 1;
      }
      out.push(
        event('message_delta', {
          delta: { stop_reason: stopReason(answer), stop_sequence: null },
          // Cumulative, as the API reports it: the whole turn's output tokens.
          usage: { output_tokens: usage?.output ?? 0 },
        }),
      );
      out.push(event('message_stop', {}));
      return out;
    },
    streamErrorChunk: (message, errorType) =>
      event('error', { error: { type: errorType ?? 'overloaded_error', message } }),
    invalidStreamChunk: () => 'event: message_start\ndata: {"type": "message_start", "message": {\n\n',
    errorResponse: (_exchange, status, message, errorType) => ({
      body: errorBody(errorType ?? errorTypeOf(status), message ?? defaultMessage(status)),
    }),
  };
}

function event(type: string, data: Record<string, unknown>): string {
  return `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
}

function requestId(): Record<string, string> {
  return { 'request-id': `req_loop${Date.now().toString(36)}` };
}

function modelOf(exchange: Exchange): string {
  return (exchange.request.body as MessagesBody | undefined)?.model ?? 'unknown';
}

function toolUses(answer: TextReply | ToolCallsReply) {
  if (answer.kind !== 'tool-calls') return [];
  return answer.calls.map((call, index) => ({
    id: call.id ?? `toolu_loop${index + 1}`,
    name: call.name,
    input: call.input,
  }));
}

function stopReason(answer: TextReply | ToolCallsReply): string {
  if (answer.kind === 'tool-calls') return 'tool_use';
  return answer.finishReason ?? 'end_turn';
}

function errorBody(type: string, message: string) {
  return { type: 'error', error: { type, message }, request_id: 'req_loop' };
}

/** The API's error `type` for each status. */
function errorTypeOf(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 402) return 'billing_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 413) return 'request_too_large';
  if (status === 429) return 'rate_limit_error';
  if (status === 529) return 'overloaded_error';
  if (status >= 500) return 'api_error';
  return 'invalid_request_error';
}

function defaultMessage(status: number): string {
  if (status === 401) return 'invalid x-api-key';
  if (status === 403) return 'Your API key does not have permission to use the specified resource.';
  if (status === 404) return 'model: not found';
  if (status === 429) return 'Number of requests has exceeded your rate limit.';
  if (status === 529) return 'Overloaded';
  if (status >= 500) return 'Internal server error';
  return `Invalid request (status ${status}).`;
}
