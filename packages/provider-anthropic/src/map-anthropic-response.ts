import type { Message } from '@anthropic-ai/sdk/resources/messages/messages';
import {
  type FinishReasonV1,
  type ModelResponseV1,
  ProviderCallError,
  type ToolCallV1,
} from '@strands-cli/core/spec';

/** Maps an Anthropic `stop_reason` to the contract's finish reason. */
export function mapStopReason(reason: string | null | undefined, hasToolCalls: boolean): FinishReasonV1 {
  if (hasToolCalls) return 'tool-calls';
  switch (reason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool-calls';
    case 'refusal':
      return 'content-filter';
    default:
      return 'other';
  }
}

/** Parses a streamed tool input (concatenated `input_json_delta` fragments; empty means no arguments). */
export function parseToolInput(name: string, text: string, modelId: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw badResponse(`the input of tool call '${name}' is not valid JSON`, modelId, error);
  }
  return asToolInput(name, value, modelId);
}

/** A tool input must be a JSON object. */
export function asToolInput(name: string, value: unknown, modelId: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw badResponse(`the input of tool call '${name}' is not a JSON object`, modelId);
  }
  return value as Record<string, unknown>;
}

/** Maps a non-streamed message to the contract's response. */
export function mapAnthropicResponse(message: Message, modelId: string): ModelResponseV1 {
  if (!Array.isArray(message?.content)) throw badResponse('the response has no content', modelId);
  let text = '';
  const toolCalls: ToolCallV1[] = [];
  for (const block of message.content) {
    if (block.type === 'text') text += block.text;
    else if (block.type === 'tool_use') {
      toolCalls.push({
        id: block.id,
        name: block.name,
        input: asToolInput(block.name, block.input, modelId),
      });
    }
  }
  const usage = message.usage;
  return {
    text,
    toolCalls,
    finishReason: mapStopReason(message.stop_reason, toolCalls.length > 0),
    ...(usage
      ? { usage: { inputTokens: usage.input_tokens ?? 0, outputTokens: usage.output_tokens ?? 0 } }
      : {}),
  };
}

/** A response the provider could not make sense of (not retried). */
export function badResponse(detail: string, modelId: string, cause?: unknown): ProviderCallError {
  return new ProviderCallError({
    providerId: 'anthropic',
    kind: 'bad-response',
    message: `Anthropic returned an unusable response for model '${modelId}': ${detail}`,
    modelId,
    cause,
    hint: 'Check that runtime.host / ANTHROPIC_BASE_URL points at an Anthropic Messages API endpoint.',
  });
}
