import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages/messages';
import type { ModelResponseV1, ToolCallV1 } from '@strands-cli/core/spec';
import { mapStopReason, parseToolInput } from './map-anthropic-response.js';

interface PartialToolCall {
  id: string;
  name: string;
  json: string;
}

/**
 * Assembles Messages API stream events into one turn: `text_delta`s concatenated, `tool_use` blocks
 * keyed by their content-block `index` (the start carries id and name, `input_json_delta`s append
 * the input), the stop reason from `message_delta`, input tokens from `message_start` and output
 * tokens from the last `message_delta` (its count is cumulative, so the last one wins). The turn is
 * complete at `message_stop`.
 */
export class AnthropicStreamAssembler {
  readonly #modelId: string;
  #text = '';
  readonly #calls = new Map<number, PartialToolCall>();
  #stopReason: string | null | undefined;
  #inputTokens: number | undefined;
  #outputTokens: number | undefined;
  #finished = false;

  constructor(modelId: string) {
    this.#modelId = modelId;
  }

  /** Takes one event; returns the text it added ('' when none). */
  add(event: RawMessageStreamEvent): string {
    switch (event.type) {
      case 'message_start':
        this.#inputTokens = event.message.usage?.input_tokens ?? this.#inputTokens;
        this.#outputTokens = event.message.usage?.output_tokens ?? this.#outputTokens;
        return '';
      case 'content_block_start':
        if (event.content_block.type === 'tool_use') {
          const { id, name } = event.content_block;
          this.#calls.set(event.index, { id, name, json: '' });
        } else if (event.content_block.type === 'text' && event.content_block.text) {
          this.#text += event.content_block.text;
          return event.content_block.text;
        }
        return '';
      case 'content_block_delta':
        if (event.delta.type === 'text_delta') {
          this.#text += event.delta.text;
          return event.delta.text;
        }
        if (event.delta.type === 'input_json_delta') {
          const call = this.#calls.get(event.index);
          if (call) call.json += event.delta.partial_json;
        }
        return '';
      case 'message_delta':
        this.#stopReason = event.delta.stop_reason ?? this.#stopReason;
        this.#outputTokens = event.usage?.output_tokens ?? this.#outputTokens;
        if (typeof event.usage?.input_tokens === 'number') this.#inputTokens = event.usage.input_tokens;
        return '';
      case 'message_stop':
        this.#finished = true;
        return '';
      default:
        return '';
    }
  }

  /** True once `message_stop` arrived (a stream without it was cut off). */
  get finished(): boolean {
    return this.#finished;
  }

  /** The assembled turn. */
  response(): ModelResponseV1 {
    const toolCalls: ToolCallV1[] = [...this.#calls.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, call]) => ({
        id: call.id,
        name: call.name,
        input: parseToolInput(call.name, call.json, this.#modelId),
      }));
    const reported = this.#inputTokens !== undefined || this.#outputTokens !== undefined;
    return {
      text: this.#text,
      toolCalls,
      finishReason: mapStopReason(this.#stopReason, toolCalls.length > 0),
      ...(reported
        ? { usage: { inputTokens: this.#inputTokens ?? 0, outputTokens: this.#outputTokens ?? 0 } }
        : {}),
    };
  }
}
