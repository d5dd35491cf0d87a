import type { FinishReasonV1, ModelResponseV1, ToolCallV1, UsageV1 } from '@strands-cli/core/spec';
import type { ChatResponse, ToolCall } from 'ollama';

/** A tool call as current Ollama servers send it: with an `id` (older servers send none). */
type WireToolCall = ToolCall & { id?: string };

/** Maps `done_reason` (plus whether tools were called) to the contract's finish reason. */
export function mapFinishReason(reason: string | undefined, hasToolCalls: boolean): FinishReasonV1 {
  if (hasToolCalls) return 'tool-calls';
  if (reason === 'stop' || reason === undefined || reason === '') return 'stop';
  if (reason === 'length') return 'length';
  return 'other';
}

/** `prompt_eval_count` is the input, `eval_count` the output; absent when the server sent neither. */
export function mapUsage(response: Partial<ChatResponse>): UsageV1 | undefined {
  const input = response.prompt_eval_count;
  const output = response.eval_count;
  if (typeof input !== 'number' && typeof output !== 'number') return undefined;
  return { inputTokens: input ?? 0, outputTokens: output ?? 0 };
}

/** Maps wire tool calls; a call without an id gets `call_<n>` (numbered within the turn). */
export function mapToolCalls(calls: readonly WireToolCall[], offset = 0): ToolCallV1[] {
  return calls.map((call, index) => ({
    id: call.id || `call_${offset + index + 1}`,
    name: call.function.name,
    input: argumentsOf(call.function.arguments),
  }));
}

/** Native servers send an object; some proxies send the OpenAI-style JSON string. */
function argumentsOf(value: unknown): Record<string, unknown> {
  if (isRecord(value)) return value;
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      if (isRecord(parsed)) return parsed;
    } catch {
      // Not JSON: no usable arguments.
    }
  }
  return {};
}

/** Maps a non-streamed chat response. */
export function mapOllamaResponse(response: ChatResponse): ModelResponseV1 {
  const toolCalls = mapToolCalls(response.message?.tool_calls ?? []);
  const usage = mapUsage(response);
  return {
    text: response.message?.content ?? '',
    toolCalls,
    finishReason: mapFinishReason(response.done_reason, toolCalls.length > 0),
    ...(usage ? { usage } : {}),
  };
}

/** Assembles NDJSON stream parts: content fragments, whole tool calls, and the final `done` line. */
export class OllamaStreamAssembler {
  #text = '';
  readonly #toolCalls: ToolCallV1[] = [];
  #final: ChatResponse | undefined;

  /** Takes one line; returns the text it added. */
  add(part: ChatResponse): string {
    const text = part.message?.content ?? '';
    this.#text += text;
    const calls = part.message?.tool_calls ?? [];
    if (calls.length > 0) this.#toolCalls.push(...mapToolCalls(calls, this.#toolCalls.length));
    if (part.done) this.#final = part;
    return text;
  }

  /** True once the `done` line arrived. */
  get finished(): boolean {
    return this.#final !== undefined;
  }

  /** The assembled turn. */
  response(): ModelResponseV1 {
    const usage = this.#final ? mapUsage(this.#final) : undefined;
    return {
      text: this.#text,
      toolCalls: this.#toolCalls,
      finishReason: mapFinishReason(this.#final?.done_reason, this.#toolCalls.length > 0),
      ...(usage ? { usage } : {}),
    };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
