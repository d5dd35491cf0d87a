import type http from 'node:http';
import type http2 from 'node:http2';
import type { ScriptedReply } from './scripted-reply.js';

/** One request as the server received it. */
export interface RecordedRequest {
  /** 0-based, in arrival order. */
  readonly index: number;
  readonly method: string;
  /** The path with its query string, e.g. `/v1/chat/completions`. */
  readonly path: string;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly rawBody: string;
  /** The parsed JSON body, or `undefined` when the body is empty or not JSON. */
  readonly body: unknown;
  /** `1.1` or `2.0` (cleartext HTTP/2). */
  readonly httpVersion: string;
  /** Which TCP connection carried it (1-based, in accept order). */
  readonly connectionId: number;
}

/** Decides the reply when the queue is empty. */
export type Responder = (request: RecordedRequest) => ScriptedReply;

/** The request/response pair a protocol handler works on (HTTP/1.1 or the HTTP/2 compatibility API). */
export interface Exchange {
  readonly request: RecordedRequest;
  readonly req: http.IncomingMessage | http2.Http2ServerRequest;
  readonly res: http.ServerResponse | http2.Http2ServerResponse;
  /** Destroys the TCP connection under this request (a reset or a cut-off stream). */
  destroyConnection(): void;
  /** Resolves after `ms`, or at once when the server closes. */
  sleep(ms: number): Promise<void>;
  /** True once the server has started closing or the client went away. */
  readonly gone: boolean;
  /** Resolves when the client goes away or the server closes (how a stall ends). */
  untilGone(): Promise<void>;
  /** Counts response body bytes the socket accepted (see {@link ServerStats.bytesWritten}). */
  countWritten(bytes: number): void;
}

/** Counters every loopback server keeps; read them after a run. */
export interface ServerStats {
  /** TCP connections accepted since the start (or the last `reset()`). */
  readonly connections: number;
  /** TCP connections still open now. */
  readonly openConnections: number;
  /** Requests being answered now. */
  readonly inFlight: number;
  /** The most requests ever answered at the same time. */
  readonly maxInFlight: number;
  /** Requests received so far. */
  readonly requests: number;
  /** Streamed response body bytes handed to the sockets (how much of a flood a client read). */
  readonly bytesWritten: number;
}

/** The part of every loopback server that does not depend on the protocol. */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  /** Every request received, in order. */
  readonly requests: readonly RecordedRequest[];
  /** Adds replies to the queue; each model call takes the first one. */
  enqueue(...replies: ScriptedReply[]): void;
  /** Replaces the fallback used when the queue is empty (default: echo the last user message). */
  setResponder(responder: Responder): void;
  /** Replies still queued. */
  readonly pendingReplies: number;
  stats(): ServerStats;
  /** Resolves once every TCP connection is closed; rejects after `timeoutMs` (default 5000). */
  waitForConnectionsClosed(timeoutMs?: number): Promise<void>;
  /** Forgets requests, queued replies and counters; connections already open are not counted again. */
  reset(): void;
  /** Stops listening and destroys every connection (stalled requests included). Idempotent. */
  close(): Promise<void>;
}

/** What a protocol adds to the shared server. */
export interface ProtocolHandler {
  /** Answers one request. Call `takeReply` for model calls only. */
  handle(exchange: Exchange, takeReply: () => ScriptedReply): Promise<void>;
}

/** Options shared by every loopback server. */
export interface LoopbackServerOptions {
  /** Replies to queue at start. */
  readonly replies?: readonly ScriptedReply[];
  /** The fallback when the queue is empty. */
  readonly responder?: Responder;
  /** Port to listen on (default 0: any free port). Always bound to 127.0.0.1. */
  readonly port?: number;
}
