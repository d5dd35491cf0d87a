import type { ConverseResponse, ConverseStreamOutput, TokenUsage } from '@aws-sdk/client-bedrock-runtime';
import {
  type FinishReasonV1,
  type ModelResponseV1,
  ProviderCallError,
  type ToolCallV1,
  type UsageV1,
} from '@strands-cli/core/spec';

/** Maps a Converse `stopReason` to the contract's finish reason. */
export function mapStopReason(reason: string | undefined, hasToolCalls: boolean): FinishReasonV1 {
  if (hasToolCalls || reason === 'tool_use') return 'tool-calls';
  switch (reason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'guardrail_intervened':
    case 'content_filtered':
      return 'content-filter';
    default:
      return 'other';
  }
}

/** Maps reported usage. */
export function mapUsage(usage: TokenUsage | undefined): UsageV1 | undefined {
  if (!usage) return undefined;
  return { inputTokens: usage.inputTokens ?? 0, outputTokens: usage.outputTokens ?? 0 };
}

/** Maps a Converse response: text blocks joined, `toolUse` blocks as tool calls. */
export function mapBedrockResponse(response: ConverseResponse, modelId: string): ModelResponseV1 {
  const message = response.output?.message;
  if (!message) throw badResponse('the response has no output message', modelId);
  let text = '';
  const toolCalls: ToolCallV1[] = [];
  for (const block of message.content ?? []) {
    if (block.text !== undefined) text += block.text;
    if (block.toolUse) {
      toolCalls.push({
        id: block.toolUse.toolUseId ?? `tooluse_${toolCalls.length + 1}`,
        name: block.toolUse.name ?? '',
        input: asRecord(block.toolUse.input),
      });
    }
  }
  const usage = mapUsage(response.usage);
  return {
    text,
    toolCalls,
    finishReason: mapStopReason(response.stopReason, toolCalls.length > 0),
    ...(usage ? { usage } : {}),
  };
}

interface PartialToolUse {
  id: string;
  name: string;
  input: string;
}

/**
 * Assembles ConverseStream events: text deltas, tool uses opened by `contentBlockStart` and filled by
 * JSON-string `input` fragments (keyed by `contentBlockIndex`), the stop reason and the usage.
 */
export class BedrockStreamAssembler {
  readonly #modelId: string;
  #text = '';
  readonly #uses = new Map<number, PartialToolUse>();
  #stopReason: string | undefined;
  #usage: UsageV1 | undefined;

  constructor(modelId: string) {
    this.#modelId = modelId;
  }

  /** Takes one event; returns the text it added. */
  add(event: ConverseStreamOutput): string {
    if (event.contentBlockStart?.start?.toolUse) {
      const { toolUseId, name } = event.contentBlockStart.start.toolUse;
      const index = event.contentBlockStart.contentBlockIndex ?? this.#uses.size;
      this.#uses.set(index, { id: toolUseId ?? `tooluse_${index}`, name: name ?? '', input: '' });
    }
    const delta = event.contentBlockDelta?.delta;
    if (delta?.toolUse?.input !== undefined) {
      const use = this.#uses.get(event.contentBlockDelta?.contentBlockIndex ?? -1);
      if (use) use.input += delta.toolUse.input;
    }
    if (event.messageStop) this.#stopReason = event.messageStop.stopReason ?? 'end_turn';
    if (event.metadata) this.#usage = mapUsage(event.metadata.usage);
    const text = delta?.text ?? '';
    this.#text += text;
    return text;
  }

  /** True once `messageStop` arrived (a stream without it was cut off). */
  get finished(): boolean {
    return this.#stopReason !== undefined;
  }

  /** The assembled turn. */
  response(): ModelResponseV1 {
    const toolCalls = [...this.#uses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, use]) => ({ id: use.id, name: use.name, input: this.#parseInput(use) }));
    return {
      text: this.#text,
      toolCalls,
      finishReason: mapStopReason(this.#stopReason, toolCalls.length > 0),
      ...(this.#usage ? { usage: this.#usage } : {}),
    };
  }

  #parseInput(use: PartialToolUse): Record<string, unknown> {
    if (use.input.trim() === '') return {};
    try {
      return asRecord(JSON.parse(use.input));
    } catch (error) {
      throw badResponse(`the input of tool use '${use.name}' is not valid JSON`, this.#modelId, error);
    }
  }
}

/** A response the provider could not make sense of (not retried). */
export function badResponse(detail: string, modelId: string, cause?: unknown): ProviderCallError {
  return new ProviderCallError({
    providerId: 'bedrock',
    kind: 'bad-response',
    message: `Bedrock returned an unusable response for model '${modelId}': ${detail}`,
    modelId,
    cause,
  });
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
