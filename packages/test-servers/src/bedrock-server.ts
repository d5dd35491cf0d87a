import { randomUUID } from 'node:crypto';
import { echoLastUserMessage } from './echo-responder.js';
import { encodeEventFrame, eventFrame, exceptionFrame } from './event-stream.js';
import { sendJson, startLoopbackServer } from './loopback-server.js';
import type { Exchange, LoopbackServer, LoopbackServerOptions } from './loopback-types.js';
import { playReply, type WireCodec } from './play-reply.js';
import type { TextReply, ToolCallsReply } from './scripted-reply.js';
import { jsonFragments, textFragments, usageOf } from './scripted-reply.js';

/** A loopback Bedrock Runtime server (Converse and ConverseStream), HTTP/1.1 and h2c on one port. */
export interface BedrockServer extends LoopbackServer {
  /** The model ids of the requests so far (decoded from the paths). */
  readonly modelIds: readonly string[];
}

/** Options of {@link startBedrockServer}. */
export interface BedrockServerOptions extends LoopbackServerOptions {
  /** Pads every event payload with a random `"p"` field, as the real service does (default true). */
  readonly padding?: boolean;
}

const route = /^\/model\/([^/]+)\/(converse|converse-stream)(\?.*)?$/;

/**
 * Starts a server that answers `POST /model/{modelId}/converse` (JSON) and `/converse-stream` (AWS
 * event stream), with `x-amzn-errortype` errors and exception frames. Request signatures are ignored.
 * @example new BedrockRuntimeClient({ region: 'us-east-1', endpoint: server.url, credentials })
 */
export async function startBedrockServer(options: BedrockServerOptions = {}): Promise<BedrockServer> {
  const codec = bedrockCodec(options.padding ?? true);
  const server = await startLoopbackServer(
    {
      handle: async (exchange, takeReply) => {
        const match = route.exec(exchange.request.path);
        if (exchange.request.method !== 'POST' || !match) {
          sendJson(
            exchange,
            404,
            { message: `Unknown operation ${exchange.request.path}` },
            errorHeaders('UnknownOperationException'),
          );
          return;
        }
        await playReply(exchange, takeReply(), codec);
      },
    },
    echoLastUserMessage,
    options,
  );
  return Object.defineProperty(server, 'modelIds', {
    get: () =>
      server.requests.flatMap((request) => {
        const match = route.exec(request.path);
        return match?.[1] ? [decodeURIComponent(match[1])] : [];
      }),
  }) as BedrockServer;
}

function modelOf(exchange: Exchange): string {
  const match = route.exec(exchange.request.path);
  return match?.[1] ? decodeURIComponent(match[1]) : 'unknown';
}

function errorHeaders(type: string): Record<string, string> {
  return {
    'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
    'x-amzn-requestid': randomUUID(),
  };
}

function bedrockCodec(padding: boolean): WireCodec {
  const pad = (payload: Record<string, unknown>) =>
    padding
      ? { ...payload, p: 'abcdefghijklmnopqrstuvwxyz'.slice(0, 1 + Math.floor(Math.random() * 26)) }
      : payload;
  return {
    isStreamed: (exchange) => route.exec(exchange.request.path)?.[2] === 'converse-stream',
    commonHeaders: () => ({ 'x-amzn-requestid': randomUUID() }),
    streamContentType: 'application/vnd.amazon.eventstream',
    completeBody: (_exchange, answer) => {
      const usage = usageOf(answer);
      return {
        output: { message: { role: 'assistant', content: contentBlocks(answer) } },
        stopReason: stopReason(answer),
        usage: wireUsage(usage),
        metrics: { latencyMs: 42 },
      };
    },
    streamChunks: (_exchange, answer) => {
      const frames = [eventFrame('messageStart', pad({ role: 'assistant' }))];
      let block = 0;
      const fragments = textFragments(answer.text ?? '');
      if (fragments.length > 0) {
        for (const text of fragments) {
          frames.push(eventFrame('contentBlockDelta', pad({ contentBlockIndex: block, delta: { text } })));
        }
        frames.push(eventFrame('contentBlockStop', pad({ contentBlockIndex: block })));
        block += 1;
      }
      toolUses(answer).forEach((use) => {
        frames.push(
          eventFrame(
            'contentBlockStart',
            pad({
              contentBlockIndex: block,
              start: { toolUse: { toolUseId: use.toolUseId, name: use.name } },
            }),
          ),
        );
        for (const input of jsonFragments(JSON.stringify(use.input))) {
          frames.push(
            eventFrame('contentBlockDelta', pad({ contentBlockIndex: block, delta: { toolUse: { input } } })),
          );
        }
        frames.push(eventFrame('contentBlockStop', pad({ contentBlockIndex: block })));
        block += 1;
      });
      frames.push(eventFrame('messageStop', pad({ stopReason: stopReason(answer) })));
      frames.push(
        eventFrame('metadata', pad({ usage: wireUsage(usageOf(answer)), metrics: { latencyMs: 42 } })),
      );
      return frames;
    },
    streamErrorChunk: (message, errorType) => exceptionFrame(errorType ?? 'throttlingException', message),
    invalidStreamChunk: () =>
      Buffer.concat([
        eventFrame('messageStart', { role: 'assistant' }),
        // A well-framed event whose payload is not JSON.
        encodeEventFrame(
          {
            ':event-type': 'contentBlockDelta',
            ':content-type': 'application/json',
            ':message-type': 'event',
          },
          Buffer.from('{"contentBlockIndex": 0, "delta": {', 'utf8'),
        ),
      ]),
    errorResponse: (exchange, status, message, errorType) => {
      const type = errorType ?? exceptionFor(status);
      return {
        body: { message: message ?? defaultMessage(type, modelOf(exchange)) },
        headers: errorHeaders(type),
      };
    },
  };
}

function contentBlocks(answer: TextReply | ToolCallsReply): unknown[] {
  const blocks: unknown[] = [];
  if (answer.text) blocks.push({ text: answer.text });
  for (const use of toolUses(answer)) blocks.push({ toolUse: use });
  return blocks;
}

function toolUses(answer: TextReply | ToolCallsReply) {
  if (answer.kind !== 'tool-calls') return [];
  return answer.calls.map((call, index) => ({
    toolUseId: call.id ?? `tooluse_${index + 1}`,
    name: call.name,
    input: call.input,
  }));
}

function stopReason(answer: TextReply | ToolCallsReply): string {
  if (answer.kind === 'tool-calls') return 'tool_use';
  return answer.finishReason ?? 'end_turn';
}

function wireUsage(usage: { input: number; output: number } | undefined) {
  const input = usage?.input ?? 0;
  const output = usage?.output ?? 0;
  return { inputTokens: input, outputTokens: output, totalTokens: input + output };
}

function exceptionFor(status: number): string {
  const names: Record<number, string> = {
    400: 'ValidationException',
    401: 'UnrecognizedClientException',
    403: 'AccessDeniedException',
    404: 'ResourceNotFoundException',
    408: 'ModelTimeoutException',
    424: 'ModelErrorException',
    429: 'ThrottlingException',
    500: 'InternalServerException',
    503: 'ServiceUnavailableException',
  };
  return names[status] ?? (status >= 500 ? 'InternalServerException' : 'ValidationException');
}

function defaultMessage(type: string, model: string): string {
  if (type === 'ThrottlingException') return 'Too many requests, please wait before trying again.';
  if (type === 'AccessDeniedException')
    return "You don't have access to the model with the specified model ID.";
  if (type === 'UnrecognizedClientException') return 'The security token included in the request is invalid.';
  if (type === 'ResourceNotFoundException') return `Model ${model} not found.`;
  if (type === 'ValidationException') return 'The provided request is not valid.';
  if (type === 'ServiceUnavailableException') return 'Bedrock is unable to process your request.';
  return 'The server encountered an internal error.';
}
