import {
  type FinishReasonV1,
  type ModelResponseV1,
  ProviderCallError,
  type ToolCallV1,
  type UsageV1,
} from '@strands-cli/core/spec';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import type { CompletionUsage } from 'openai/resources/completions';

/** Maps an OpenAI `finish_reason` to the contract's finish reason. */
export function mapFinishReason(reason: string | null | undefined, hasToolCalls: boolean): FinishReasonV1 {
  // Some compatible servers end a tool-call turn with `stop`; the tool calls are what matter.
  if (hasToolCalls) return 'tool-calls';
  switch (reason) {
    case 'stop':
      return 'stop';
    case 'length':
      return 'length';
    case 'tool_calls':
    case 'function_call':
      return 'tool-calls';
    case 'content_filter':
      return 'content-filter';
    default:
      return 'other';
  }
}

/** Maps reported usage; `undefined` when the server reported none. */
export function mapUsage(usage: CompletionUsage | null | undefined): UsageV1 | undefined {
  if (!usage) return undefined;
  return { inputTokens: usage.prompt_tokens ?? 0, outputTokens: usage.completion_tokens ?? 0 };
}

/** Parses a tool call's JSON-string arguments into an object (an empty string means no arguments). */
export function parseToolArguments(name: string, text: string, modelId: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw badResponse(`the arguments of tool call '${name}' are not valid JSON`, modelId, error);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badResponse(`the arguments of tool call '${name}' are not a JSON object`, modelId);
  }
  return value as Record<string, unknown>;
}

/** Maps a non-streamed completion to the contract's response. */
export function mapOpenAIResponse(completion: ChatCompletion, modelId: string): ModelResponseV1 {
  const choice = completion?.choices?.[0];
  if (!choice?.message) throw badResponse('the response has no choices', modelId);
  const toolCalls: ToolCallV1[] = [];
  for (const call of choice.message.tool_calls ?? []) {
    if (call.type !== 'function') continue;
    toolCalls.push({
      id: call.id,
      name: call.function.name,
      input: parseToolArguments(call.function.name, call.function.arguments ?? '', modelId),
    });
  }
  const usage = mapUsage(completion.usage);
  return {
    text: choice.message.content ?? '',
    toolCalls,
    finishReason: mapFinishReason(choice.finish_reason, toolCalls.length > 0),
    ...(usage ? { usage } : {}),
  };
}

/** A response the provider could not make sense of (not retried). */
export function badResponse(detail: string, modelId: string, cause?: unknown): ProviderCallError {
  return new ProviderCallError({
    providerId: 'openai',
    kind: 'bad-response',
    message: `OpenAI returned an unusable response for model '${modelId}': ${detail}`,
    modelId,
    cause,
    hint: 'Check that runtime.host points at an OpenAI-compatible Chat Completions endpoint.',
  });
}
