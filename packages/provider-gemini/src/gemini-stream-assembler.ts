import type { GenerateContentResponse } from '@google/genai';
import type { ModelResponseV1, ToolCallV1, UsageV1 } from '@strands-cli/core/spec';
import {
  mapFinishReason,
  textOfParts,
  throwIfBlocked,
  toolCallsOfParts,
  usageOf,
} from './map-gemini-response.js';

/**
 * Assembles `streamGenerateContent?alt=sse` chunks into one turn. Each chunk is a whole
 * `GenerateContentResponse` holding the next parts: text parts are deltas to concatenate, function
 * calls arrive whole (one part each), `usageMetadata` is cumulative (the last one wins) and the last
 * chunk carries the `finishReason`, which marks the turn complete. A safety block in any chunk fails
 * the turn.
 */
export class GeminiStreamAssembler {
  readonly #modelId: string;
  #text = '';
  readonly #calls: ToolCallV1[] = [];
  #finishReason: string | undefined;
  #usage: UsageV1 | undefined;

  constructor(modelId: string) {
    this.#modelId = modelId;
  }

  /** Takes one chunk; returns the text it added ('' when none). */
  add(chunk: GenerateContentResponse): string {
    throwIfBlocked(chunk, this.#modelId);
    this.#usage = usageOf(chunk) ?? this.#usage;
    const candidate = chunk.candidates?.[0];
    if (!candidate) return '';
    const parts = candidate.content?.parts;
    this.#calls.push(...toolCallsOfParts(parts, this.#calls.length, this.#modelId));
    this.#finishReason = candidate.finishReason ?? this.#finishReason;
    const text = textOfParts(parts);
    this.#text += text;
    return text;
  }

  /** True once a chunk carried the finish reason (a stream without one was cut off). */
  get finished(): boolean {
    return this.#finishReason !== undefined;
  }

  /** The assembled turn. */
  response(): ModelResponseV1 {
    return {
      text: this.#text,
      toolCalls: [...this.#calls],
      finishReason: mapFinishReason(this.#finishReason, this.#calls.length > 0),
      ...(this.#usage ? { usage: this.#usage } : {}),
    };
  }
}
