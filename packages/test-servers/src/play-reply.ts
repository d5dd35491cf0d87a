import { type Exchange, sendJson, writeChunk, writeHead } from './loopback-server.js';
import type { ScriptedReply, TextReply, ToolCallsReply } from './scripted-reply.js';

/** An error response in a protocol's own shape. */
export interface WireError {
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** How one protocol encodes scripted replies; {@link playReply} does the rest. */
export interface WireCodec {
  /** Whether the request asked for a stream (each protocol has its own rule). */
  isStreamed(exchange: Exchange): boolean;
  /** Headers sent with every response (request ids and the like). */
  commonHeaders(): Readonly<Record<string, string>>;
  /** The whole JSON body of an answer that is not streamed. */
  completeBody(exchange: Exchange, answer: TextReply | ToolCallsReply): unknown;
  /** The content type of a stream. */
  readonly streamContentType: string;
  /** Every chunk of a streamed answer, terminator included. */
  streamChunks(exchange: Exchange, answer: TextReply | ToolCallsReply): Array<string | Uint8Array>;
  /** The in-stream failure chunk. */
  streamErrorChunk(message: string, errorType: string | undefined): string | Uint8Array;
  /** A chunk that is not valid JSON, in the stream's framing. */
  invalidStreamChunk(): string | Uint8Array;
  /** The error body (and headers) for an HTTP status. */
  errorResponse(
    exchange: Exchange,
    status: number,
    message: string | undefined,
    errorType?: string,
    errorCode?: string,
  ): WireError;
}

/** Answers one model call with a scripted reply, in the codec's wire format. */
export async function playReply(
  exchange: Exchange,
  scripted: ScriptedReply,
  codec: WireCodec,
): Promise<void> {
  if (scripted.delayMs) await exchange.sleep(scripted.delayMs);
  if (exchange.gone) return;
  const streamed = codec.isStreamed(exchange);
  switch (scripted.kind) {
    case 'reset':
      exchange.destroyConnection();
      return;
    case 'error': {
      const wire = codec.errorResponse(
        exchange,
        scripted.status,
        scripted.message,
        scripted.errorType,
        scripted.errorCode,
      );
      sendJson(exchange, scripted.status, wire.body, {
        ...codec.commonHeaders(),
        ...wire.headers,
        ...scripted.headers,
      });
      return;
    }
    case 'invalid-json':
      if (!streamed) {
        sendJson(exchange, 200, '{"id": "broken", "choices": [', codec.commonHeaders());
        return;
      }
      startStream(exchange, codec);
      await writeChunk(exchange, codec.invalidStreamChunk());
      exchange.res.end();
      return;
    case 'text':
    case 'tool-calls':
      if (!streamed) {
        sendJson(exchange, 200, codec.completeBody(exchange, scripted), codec.commonHeaders());
        return;
      }
      startStream(exchange, codec);
      for (const chunk of codec.streamChunks(exchange, scripted)) await writeChunk(exchange, chunk);
      exchange.res.end();
      return;
    case 'stream-error': {
      if (!streamed) {
        const wire = codec.errorResponse(exchange, 500, scripted.message, undefined);
        sendJson(exchange, 500, wire.body, { ...codec.commonHeaders(), ...wire.headers });
        return;
      }
      const partial = partialAnswer(scripted.text);
      startStream(exchange, codec);
      for (const chunk of leadingChunks(exchange, codec, partial, scripted.afterChunks)) {
        await writeChunk(exchange, chunk);
      }
      await writeChunk(
        exchange,
        codec.streamErrorChunk(scripted.message ?? 'the model failed mid-stream', scripted.errorType),
      );
      exchange.res.end();
      return;
    }
    case 'flood':
      await flood(exchange, scripted, codec, streamed);
      return;
    case 'cut':
    case 'stall': {
      if (scripted.kind === 'stall' && scripted.afterChunks === undefined) {
        await exchange.untilGone();
        return;
      }
      const partial = partialAnswer(scripted.kind === 'cut' ? scripted.text : undefined);
      if (streamed) {
        startStream(exchange, codec);
        for (const chunk of leadingChunks(exchange, codec, partial, scripted.afterChunks)) {
          await writeChunk(exchange, chunk);
        }
      } else {
        const body = JSON.stringify(codec.completeBody(exchange, partial));
        writeHead(exchange, 200, {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          ...codec.commonHeaders(),
        });
        await writeChunk(exchange, body.slice(0, Math.floor(body.length / 2)));
      }
      if (scripted.kind === 'cut') exchange.destroyConnection();
      else await exchange.untilGone();
      return;
    }
  }
}

/** Writes filler until the client goes away (or `totalBytes` are out). */
async function flood(
  exchange: Exchange,
  scripted: Extract<ScriptedReply, { kind: 'flood' }>,
  codec: WireCodec,
  streamed: boolean,
): Promise<void> {
  const size = scripted.chunkBytes ?? 64 * 1024;
  if (streamed) startStream(exchange, codec);
  else writeHead(exchange, 200, { 'content-type': 'application/json', ...codec.commonHeaders() });
  const unit = !streamed ? ' ' : codec.streamContentType.includes('event-stream') ? ': ping\n\n' : '\n';
  const chunk = unit.repeat(Math.max(1, Math.floor(size / unit.length)));
  let written = 0;
  while (!exchange.gone && (scripted.totalBytes === undefined || written < scripted.totalBytes)) {
    // A failed write means the client is gone. On Node 24 the response's 'close' can come after the
    // failed writes' callbacks, which arrive at once: without this check the loop would spin forever.
    if (!(await writeChunk(exchange, chunk))) break;
    written += chunk.length;
    if (scripted.intervalMs) await exchange.sleep(scripted.intervalMs);
  }
  if (!exchange.gone) exchange.res.end();
}

function startStream(exchange: Exchange, codec: WireCodec): void {
  writeHead(exchange, 200, { 'content-type': codec.streamContentType, ...codec.commonHeaders() });
}

function partialAnswer(text: string | undefined): TextReply {
  return { kind: 'text', text: text ?? 'partial answer that never ends' };
}

function leadingChunks(
  exchange: Exchange,
  codec: WireCodec,
  partial: TextReply,
  count: number | undefined,
): Array<string | Uint8Array> {
  return codec.streamChunks(exchange, partial).slice(0, count ?? 1);
}
