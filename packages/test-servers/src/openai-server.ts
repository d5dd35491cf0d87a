import { echoLastUserMessage } from './echo-responder.js';
import { sendJson, startLoopbackServer } from './loopback-server.js';
import type { Exchange, LoopbackServer, LoopbackServerOptions } from './loopback-types.js';
import { playReply, type WireCodec } from './play-reply.js';
import type { TextReply, ToolCallsReply } from './scripted-reply.js';
import { jsonFragments, textFragments, usageOf } from './scripted-reply.js';

/** A loopback OpenAI Chat Completions server (also what vLLM, LM Studio and llama.cpp serve). */
export interface OpenAIServer extends LoopbackServer {
  /** The SDK's `baseURL`: `http://127.0.0.1:<port>/v1`. */
  readonly baseURL: string;
}

/** Options of {@link startOpenAIServer}. */
export interface OpenAIServerOptions extends LoopbackServerOptions {
  /** Model ids `GET /v1/models` lists. Default `['gpt-4o-mini']`. */
  readonly models?: readonly string[];
  /**
   * When set, every request whose `Authorization` is not `Bearer <apiKey>` gets the API's 401 (before
   * any scripted reply is taken), as the real API does.
   */
  readonly apiKey?: string;
}

const created = 1_764_000_000;

/**
 * Starts a server that answers `POST …/chat/completions` (JSON, or SSE when the request says
 * `stream: true`, with the usage chunk when `stream_options.include_usage` is set) and `GET …/models`.
 * @example const server = await startOpenAIServer(); server.enqueue(reply.text('Hello'));
 */
export async function startOpenAIServer(options: OpenAIServerOptions = {}): Promise<OpenAIServer> {
  const models = options.models ?? ['gpt-4o-mini'];
  let ids = 0;
  const codec = openAICodec(() => `chatcmpl-${++ids}`);
  const server = await startLoopbackServer(
    {
      handle: async (exchange, takeReply) => {
        const { method, path, headers } = exchange.request;
        if (options.apiKey !== undefined && headers.authorization !== `Bearer ${options.apiKey}`) {
          sendJson(
            exchange,
            401,
            errorBody(defaultMessage(401, ''), 'invalid_request_error', 'invalid_api_key'),
          );
          return;
        }
        if (method === 'GET' && /\/models\/?(\?.*)?$/.test(path)) {
          const data = models.map((id) => ({ id, object: 'model', created, owned_by: 'loopback' }));
          sendJson(exchange, 200, { object: 'list', data });
          return;
        }
        if (method === 'POST' && /\/chat\/completions\/?(\?.*)?$/.test(path)) {
          await playReply(exchange, takeReply(), codec);
          return;
        }
        sendJson(exchange, 404, errorBody(`Unknown path ${path}`, 'invalid_request_error', 'unknown_url'));
      },
    },
    echoLastUserMessage,
    options,
  );
  return Object.assign(server, { baseURL: `${server.url}/v1` });
}

interface ChatBody {
  model?: string;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
}

function openAICodec(nextId: () => string): WireCodec {
  return {
    isStreamed: (exchange) => (exchange.request.body as ChatBody | undefined)?.stream === true,
    commonHeaders: () => ({ 'x-request-id': `req_${Date.now().toString(36)}` }),
    streamContentType: 'text/event-stream',
    completeBody: (exchange, answer) => {
      const calls = toolCalls(answer);
      const usage = usageOf(answer);
      return {
        id: nextId(),
        object: 'chat.completion',
        created,
        model: modelOf(exchange),
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: calls.length > 0 && !answer.text ? null : (answer.text ?? ''),
              refusal: null,
              ...(calls.length > 0 ? { tool_calls: calls } : {}),
            },
            logprobs: null,
            finish_reason: finishReason(answer),
          },
        ],
        ...(usage ? { usage: wireUsage(usage) } : {}),
      };
    },
    streamChunks: (exchange, answer) => {
      const id = nextId();
      const model = modelOf(exchange);
      const chunk = (choices: unknown[], extra: Record<string, unknown> = {}): string =>
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices, ...extra })}\n\n`;
      const delta = (value: Record<string, unknown>, finish: string | null = null) =>
        chunk([{ index: 0, delta: value, logprobs: null, finish_reason: finish }]);
      const out = [delta({ role: 'assistant', content: '' })];
      for (const piece of textFragments(answer.text ?? '')) out.push(delta({ content: piece }));
      toolCalls(answer).forEach((call, index) => {
        out.push(
          delta({
            tool_calls: [
              { index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } },
            ],
          }),
        );
        for (const part of jsonFragments(call.function.arguments)) {
          out.push(delta({ tool_calls: [{ index, function: { arguments: part } }] }));
        }
      });
      out.push(delta({}, finishReason(answer)));
      const usage = usageOf(answer);
      const wantsUsage = (exchange.request.body as ChatBody).stream_options?.include_usage === true;
      if (usage && wantsUsage) out.push(chunk([], { usage: wireUsage(usage) }));
      out.push('data: [DONE]\n\n');
      return out;
    },
    streamErrorChunk: (message, errorType) =>
      `data: ${JSON.stringify(errorBody(message, errorType ?? 'server_error', null))}\n\n`,
    invalidStreamChunk: () => 'data: {"id": "chatcmpl-broken", "choices": [\n\n',
    errorResponse: (exchange, status, message, errorType, errorCode) => {
      const [type, code] = errorKind(status);
      const text = message ?? defaultMessage(status, modelOf(exchange));
      return { body: errorBody(text, errorType ?? type, errorCode ?? code) };
    },
  };
}

function modelOf(exchange: Exchange): string {
  return (exchange.request.body as ChatBody | undefined)?.model ?? 'unknown';
}

function toolCalls(answer: TextReply | ToolCallsReply) {
  if (answer.kind !== 'tool-calls') return [];
  return answer.calls.map((call, index) => ({
    id: call.id ?? `call_${index + 1}`,
    type: 'function' as const,
    function: { name: call.name, arguments: JSON.stringify(call.input) },
  }));
}

function finishReason(answer: TextReply | ToolCallsReply): string {
  if (answer.kind === 'tool-calls') return 'tool_calls';
  return answer.finishReason ?? 'stop';
}

function wireUsage(usage: { input: number; output: number }) {
  return {
    prompt_tokens: usage.input,
    completion_tokens: usage.output,
    total_tokens: usage.input + usage.output,
  };
}

function errorBody(message: string, type: string, code: string | null) {
  return { error: { message, type, param: null, code } };
}

function errorKind(status: number): [string, string | null] {
  if (status === 401) return ['invalid_request_error', 'invalid_api_key'];
  if (status === 403) return ['permission_denied', null];
  if (status === 404) return ['invalid_request_error', 'model_not_found'];
  if (status === 429) return ['rate_limit_error', 'rate_limit_exceeded'];
  if (status >= 500) return ['server_error', null];
  return ['invalid_request_error', null];
}

function defaultMessage(status: number, model: string): string {
  if (status === 401)
    return 'Incorrect API key provided: sk-loop***. You can find your API key in your account.';
  if (status === 404) return `The model \`${model}\` does not exist or you do not have access to it.`;
  if (status === 429) return 'Rate limit reached for requests. Please try again in 1s.';
  if (status >= 500) return 'The server had an error while processing your request. Sorry about that!';
  return `Invalid request (status ${status}).`;
}
