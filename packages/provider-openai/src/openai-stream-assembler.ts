import type { ModelResponseV1, ToolCallV1, UsageV1 } from '@strands-cli/core/spec';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { mapFinishReason, mapUsage, parseToolArguments } from './map-openai-response.js';

interface PartialToolCall {
  id: string;
  name: string;
  arguments: string;
}

/**
 * Assembles streamed chunks into one turn: text deltas concatenated, tool calls keyed by `index`
 * (the first delta carries id and name, later ones append argument fragments), the finish reason,
 * and usage from the final `include_usage` chunk (or from any chunk, as some compatible servers send it).
 */
export class OpenAIStreamAssembler {
  readonly #modelId: string;
  #text = '';
  readonly #calls = new Map<number, PartialToolCall>();
  #finishReason: string | null | undefined;
  #usage: UsageV1 | undefined;
  #finished = false;

  constructor(modelId: string) {
    this.#modelId = modelId;
  }

  /** Takes one chunk; returns the text it added ('' when none). */
  add(chunk: ChatCompletionChunk): string {
    const usage = mapUsage(chunk.usage);
    if (usage) this.#usage = usage;
    const choice = chunk.choices?.[0];
    if (!choice) return '';
    if (choice.finish_reason) {
      this.#finishReason = choice.finish_reason;
      this.#finished = true;
    }
    for (const delta of choice.delta?.tool_calls ?? []) {
      const index = delta.index ?? 0;
      let call = this.#calls.get(index);
      if (!call) {
        call = { id: delta.id ?? `call_${index}`, name: '', arguments: '' };
        this.#calls.set(index, call);
      }
      if (delta.id) call.id = delta.id;
      if (delta.function?.name) call.name += delta.function.name;
      if (delta.function?.arguments) call.arguments += delta.function.arguments;
    }
    const text = choice.delta?.content ?? '';
    this.#text += text;
    return text;
  }

  /** True once a chunk carried a finish reason (a stream without one was cut off). */
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
        input: parseToolArguments(call.name, call.arguments, this.#modelId),
      }));
    return {
      text: this.#text,
      toolCalls,
      finishReason: mapFinishReason(this.#finishReason, toolCalls.length > 0),
      ...(this.#usage ? { usage: this.#usage } : {}),
    };
  }
}
