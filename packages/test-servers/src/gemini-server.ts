import { echoLastUserMessage } from './echo-responder.js';
import { sendJson, startLoopbackServer } from './loopback-server.js';
import type { Exchange, LoopbackServer, LoopbackServerOptions } from './loopback-types.js';
import { playReply, type WireCodec } from './play-reply.js';
import type { TextReply, ToolCallsReply } from './scripted-reply.js';
import { textFragments, usageOf } from './scripted-reply.js';

/** A loopback Gemini API (Generative Language API) server. */
export interface GeminiServer extends LoopbackServer {
  /** The SDK's `httpOptions.baseUrl` (and `GOOGLE_GEMINI_BASE_URL`): `http://127.0.0.1:<port>`, no `/v1beta`. */
  readonly baseURL: string;
}

/** Options of {@link startGeminiServer}. */
export interface GeminiServerOptions extends LoopbackServerOptions {
  /** Model ids `GET /v1beta/models` lists (and `GET /v1beta/models/{id}` finds). Default `['gemini-2.5-flash']`. */
  readonly models?: readonly string[];
  /**
   * When set, every request whose `x-goog-api-key` header (or `key` query parameter) differs gets the
   * API's answer to a wrong key, 400 `INVALID_ARGUMENT` with reason `API_KEY_INVALID`, before any
   * scripted reply is taken, as the real API does.
   */
  readonly apiKey?: string;
}

const modelCall = /^\/v1beta\/models\/([^/:?]+):(generateContent|streamGenerateContent)(\?.*)?$/;
const modelGet = /^\/v1beta\/models\/([^/:?]+)\/?(\?.*)?$/;

/**
 * Starts a server that answers `POST /v1beta/models/{model}:generateContent` (JSON) and
 * `:streamGenerateContent?alt=sse` (SSE frames `data: {GenerateContentResponse}`, the last one with
 * the finish reason), error bodies `{"error": {code, message, status}}` (also as an in-stream frame),
 * and `GET /v1beta/models` and `/v1beta/models/{model}`. A text reply whose `finishReason` is `SAFETY`
 * comes with a blocking safety rating, as the API sends it.
 * @example const server = await startGeminiServer(); server.enqueue(reply.text('Hello'));
 */
export async function startGeminiServer(options: GeminiServerOptions = {}): Promise<GeminiServer> {
  const models = options.models ?? ['gemini-2.5-flash'];
  const describe = (id: string) => ({
    name: `models/${id}`,
    displayName: id,
    supportedGenerationMethods: ['generateContent', 'countTokens'],
  });
  const server = await startLoopbackServer(
    {
      handle: async (exchange, takeReply) => {
        const { method, path, headers } = exchange.request;
        if (options.apiKey !== undefined && !carriesKey(headers, path, options.apiKey)) {
          sendJson(exchange, 400, invalidKeyBody());
          return;
        }
        if (method === 'GET' && /^\/v1beta\/models\/?(\?.*)?$/.test(path)) {
          sendJson(exchange, 200, { models: models.map(describe) });
          return;
        }
        const get = modelGet.exec(path);
        if (method === 'GET' && get) {
          const id = decodeURIComponent(get[1] ?? '');
          if (models.includes(id)) sendJson(exchange, 200, describe(id));
          else sendJson(exchange, 404, errorBody(404, `models/${id} is not found for API version v1beta`));
          return;
        }
        if (method === 'POST' && modelCall.test(path)) {
          await playReply(exchange, takeReply(), codec);
          return;
        }
        sendJson(exchange, 404, errorBody(404, `Unknown path ${path}`));
      },
    },
    echoLastUserMessage,
    options,
  );
  return Object.assign(server, { baseURL: server.url });
}

function carriesKey(headers: Exchange['request']['headers'], path: string, apiKey: string): boolean {
  if (headers['x-goog-api-key'] === apiKey) return true;
  return new URL(path, 'http://loopback').searchParams.get('key') === apiKey;
}

const codec: WireCodec = {
  isStreamed: (exchange) => exchange.request.path.includes(':streamGenerateContent'),
  commonHeaders: () => ({}),
  streamContentType: 'text/event-stream',
  completeBody: (exchange, answer) =>
    frame(exchange, [...textParts(answer.text), ...functionCalls(answer)], answer, true),
  streamChunks: (exchange, answer) => {
    const pieces = textFragments(answer.text ?? '').map((text) => [{ text }]);
    for (const call of functionCalls(answer)) pieces.push([call] as never);
    if (pieces.length === 0) pieces.push([]);
    return pieces.map((parts, index) => sse(frame(exchange, parts, answer, index === pieces.length - 1)));
  },
  streamErrorChunk: (message, errorType) => {
    const status = errorType ?? 'UNAVAILABLE';
    return sse({ error: { code: codeOfStatusName(status), message, status } });
  },
  invalidStreamChunk: () => 'data: {"candidates": [{"content": {\n\n',
  errorResponse: (_exchange, status, message, errorType) => ({
    body: errorBody(status, message ?? defaultMessage(status), errorType),
  }),
};

/**
 * One `GenerateContentResponse`: the parts, then (when `last`) the finish reason. Usage rides on
 * every frame, cumulative, as the API sends it.
 */
function frame(exchange: Exchange, parts: unknown[], answer: TextReply | ToolCallsReply, last: boolean) {
  const usage = usageOf(answer);
  const reason = answer.kind === 'text' ? (answer.finishReason ?? 'STOP') : 'STOP';
  return {
    candidates: [
      {
        content: { role: 'model', parts },
        index: 0,
        ...(last ? { finishReason: reason } : {}),
        ...(last && reason === 'SAFETY'
          ? {
              safetyRatings: [
                { category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true },
              ],
            }
          : {}),
      },
    ],
    ...(usage
      ? {
          usageMetadata: {
            promptTokenCount: usage.input,
            candidatesTokenCount: last ? usage.output : 1,
            totalTokenCount: usage.input + (last ? usage.output : 1),
          },
        }
      : {}),
    modelVersion: modelOf(exchange),
  };
}

function sse(data: unknown): string {
  return `data: ${JSON.stringify(data)}\r\n\r\n`;
}

function textParts(text: string | undefined): unknown[] {
  return text ? [{ text }] : [];
}

/** Gemini calls carry no id unless the script gives one (many models send none). */
function functionCalls(answer: TextReply | ToolCallsReply): unknown[] {
  if (answer.kind !== 'tool-calls') return [];
  return answer.calls.map((call) => ({
    functionCall: { ...(call.id ? { id: call.id } : {}), name: call.name, args: call.input },
  }));
}

function modelOf(exchange: Exchange): string {
  return modelCall.exec(exchange.request.path)?.[1] ?? 'unknown';
}

function errorBody(status: number, message: string, statusName?: string) {
  return { error: { code: status, message, status: statusName ?? statusNameOf(status) } };
}

function invalidKeyBody() {
  return {
    error: {
      code: 400,
      message: 'API key not valid. Please pass a valid API key.',
      status: 'INVALID_ARGUMENT',
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'API_KEY_INVALID',
          domain: 'googleapis.com',
        },
      ],
    },
  };
}

/** The gRPC status name the API puts in `error.status` for each HTTP status. */
function statusNameOf(status: number): string {
  if (status === 400) return 'INVALID_ARGUMENT';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'PERMISSION_DENIED';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RESOURCE_EXHAUSTED';
  if (status === 499) return 'CANCELLED';
  if (status === 503) return 'UNAVAILABLE';
  if (status === 504) return 'DEADLINE_EXCEEDED';
  if (status >= 500) return 'INTERNAL';
  return 'FAILED_PRECONDITION';
}

function codeOfStatusName(name: string): number {
  const codes: Record<string, number> = {
    INVALID_ARGUMENT: 400,
    UNAUTHENTICATED: 401,
    PERMISSION_DENIED: 403,
    NOT_FOUND: 404,
    RESOURCE_EXHAUSTED: 429,
    INTERNAL: 500,
    UNAVAILABLE: 503,
    DEADLINE_EXCEEDED: 504,
  };
  return codes[name] ?? 500;
}

function defaultMessage(status: number): string {
  if (status === 401) return 'Request had invalid authentication credentials.';
  if (status === 403) return 'The caller does not have permission';
  if (status === 404) return 'models/unknown is not found for API version v1beta';
  if (status === 429) return 'Resource has been exhausted (e.g. check quota).';
  if (status === 503) return 'The model is overloaded. Please try again later.';
  if (status >= 500) return 'An internal error has occurred.';
  return `Request contains an invalid argument (status ${status}).`;
}
