/**
 * What a loopback model server answers, in one vocabulary shared by the OpenAI, Ollama and Bedrock
 * servers. Each server translates a reply into its own wire format (JSON or a stream, chosen by the
 * request exactly as the real service does), so a test can script the same scenario on every provider.
 */

/** Token usage a reply reports. */
export interface ScriptedUsage {
  readonly input: number;
  readonly output: number;
}

/** One tool call the scripted model asks for. */
export interface ScriptedToolCall {
  /** The wire id; servers invent one (`call_1`, `tooluse_1`, ...) when absent. */
  readonly id?: string;
  readonly name: string;
  readonly input: Record<string, unknown>;
}

/** Fields every reply may carry. */
interface ReplyBase {
  /** Milliseconds to wait before answering (headers included). */
  readonly delayMs?: number;
}

/** A normal answer: text, with usage; `finishReason` overrides the wire value (e.g. `length`). */
export interface TextReply extends ReplyBase {
  readonly kind: 'text';
  readonly text: string;
  /** `null` leaves usage out of the response. Default: 10 input tokens, one output token per word. */
  readonly usage?: ScriptedUsage | null;
  /** The provider's own finish/stop reason, verbatim (`length`, `max_tokens`, ...). */
  readonly finishReason?: string;
}

/** The model asks for tools (optionally with some text first). */
export interface ToolCallsReply extends ReplyBase {
  readonly kind: 'tool-calls';
  readonly calls: readonly ScriptedToolCall[];
  readonly text?: string;
  readonly usage?: ScriptedUsage | null;
}

/**
 * An HTTP error with the protocol's error body. `errorType` is the OpenAI error `type` or the Bedrock
 * exception name (default derived from the status, e.g. 429 → `ThrottlingException`).
 */
export interface ErrorReply extends ReplyBase {
  readonly kind: 'error';
  readonly status: number;
  readonly message?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly errorType?: string;
  /** OpenAI only: the error `code` (e.g. `insufficient_quota`); default derived from the status. */
  readonly errorCode?: string;
}

/**
 * A failure inside a stream that has started with status 200: an OpenAI `{"error":...}` event, an
 * Ollama `{"error":"..."}` line, a Bedrock exception frame (`errorType`, default `throttlingException`).
 * A request that did not ask to stream gets status 500 instead.
 */
export interface StreamErrorReply extends ReplyBase {
  readonly kind: 'stream-error';
  /** Text streamed before the failure. Default `partial answer`. */
  readonly text?: string;
  /** Stream chunks (events) sent before the failure. Default 1. */
  readonly afterChunks?: number;
  readonly message?: string;
  readonly errorType?: string;
}

/** The connection is destroyed after part of the answer: a stream cut off mid-way. */
export interface CutReply extends ReplyBase {
  readonly kind: 'cut';
  readonly text?: string;
  /** Stream chunks sent before the cut. Default 1. A non-streamed answer is cut half-way through its body. */
  readonly afterChunks?: number;
}

/** The connection is destroyed before any response byte (a reset). */
export interface ResetReply extends ReplyBase {
  readonly kind: 'reset';
}

/**
 * The server stops answering: with no `afterChunks` before the headers (a headers timeout), with
 * `afterChunks` after that many stream chunks (a body timeout). It waits until the client gives up
 * or the server closes.
 */
export interface StallReply extends ReplyBase {
  readonly kind: 'stall';
  readonly afterChunks?: number;
}

/** Status 200 with a body (or a stream event) that is not valid JSON. */
export interface InvalidJsonReply extends ReplyBase {
  readonly kind: 'invalid-json';
}

/**
 * Status 200, then filler that never becomes an answer: keep-alive pings in a stream (SSE comments,
 * blank NDJSON lines), whitespace in a JSON body. `chunkBytes` per write (default 64 KiB), one write
 * every `intervalMs` (default: as fast as the client reads), until `totalBytes` (default: until the
 * client goes away). A trickle, a huge body or a ping stream that never ends.
 */
export interface FloodReply extends ReplyBase {
  readonly kind: 'flood';
  readonly chunkBytes?: number;
  readonly intervalMs?: number;
  readonly totalBytes?: number;
}

/** Everything a scripted server can answer. */
export type ScriptedReply =
  | TextReply
  | ToolCallsReply
  | ErrorReply
  | StreamErrorReply
  | CutReply
  | ResetReply
  | StallReply
  | InvalidJsonReply
  | FloodReply;

/** Short constructors for {@link ScriptedReply} values. */
export const reply = {
  /** Filler until the client goes away (a trickle, a huge body, pings). */
  flood: (extra: Omit<FloodReply, 'kind'> = {}): FloodReply => ({ kind: 'flood', ...extra }),
  /** A text answer. */
  text: (text: string, extra: Omit<TextReply, 'kind' | 'text'> = {}): TextReply => ({
    kind: 'text',
    text,
    ...extra,
  }),
  /** A tool-call answer. */
  toolCalls: (
    calls: readonly ScriptedToolCall[],
    extra: Omit<ToolCallsReply, 'kind' | 'calls'> = {},
  ): ToolCallsReply => ({ kind: 'tool-calls', calls, ...extra }),
  /** An HTTP error with the protocol's error body. */
  error: (status: number, extra: Omit<ErrorReply, 'kind' | 'status'> = {}): ErrorReply => ({
    kind: 'error',
    status,
    ...extra,
  }),
  /** A failure in the middle of a stream. */
  streamError: (extra: Omit<StreamErrorReply, 'kind'> = {}): StreamErrorReply => ({
    kind: 'stream-error',
    ...extra,
  }),
  /** The connection destroyed part-way through the answer. */
  cut: (extra: Omit<CutReply, 'kind'> = {}): CutReply => ({ kind: 'cut', ...extra }),
  /** The connection destroyed before the answer. */
  reset: (extra: Omit<ResetReply, 'kind'> = {}): ResetReply => ({ kind: 'reset', ...extra }),
  /** No answer (or no more of it) until the client gives up. */
  stall: (extra: Omit<StallReply, 'kind'> = {}): StallReply => ({ kind: 'stall', ...extra }),
  /** A body that is not JSON. */
  invalidJson: (extra: Omit<InvalidJsonReply, 'kind'> = {}): InvalidJsonReply => ({
    kind: 'invalid-json',
    ...extra,
  }),
} as const;

/** The usage a text or tool-call reply reports (`undefined` when it reports none). */
export function usageOf(scripted: TextReply | ToolCallsReply): ScriptedUsage | undefined {
  if (scripted.usage === null) return undefined;
  if (scripted.usage) return scripted.usage;
  const words = (scripted.text ?? '').split(/\s+/).filter(Boolean).length;
  return { input: 10, output: Math.max(1, words + (scripted.kind === 'tool-calls' ? 5 : 0)) };
}

/** Splits text into the fragments a stream sends: one per word, keeping the spaces. */
export function textFragments(text: string): string[] {
  const parts = text.match(/\s*\S+\s*/g);
  return parts && parts.length > 0 ? parts : text === '' ? [] : [text];
}

/** Splits a JSON string in two, the way models stream tool arguments in fragments. */
export function jsonFragments(json: string): string[] {
  if (json.length < 2) return [json];
  const middle = Math.ceil(json.length / 2);
  return [json.slice(0, middle), json.slice(middle)];
}
