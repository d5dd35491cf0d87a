import type {
  ContentBlockParam,
  MessageCreateParamsBase,
  MessageParam,
  Tool,
} from '@anthropic-ai/sdk/resources/messages/messages';
import type { InferenceV1, ModelMessageV1, ModelRequestV1 } from '@strands-cli/core/spec';
import { defaultMaxTokens } from './anthropic-settings.js';

/**
 * The request body fields this provider sends (the SDK call adds `stream`). The SDK's 1.x types no
 * longer list `temperature` and `top_p`, which the API still takes for the models that accept them;
 * the SDK sends unknown body fields as given.
 */
export type AnthropicMessagesBody = Pick<
  MessageCreateParamsBase,
  'model' | 'system' | 'tools' | 'max_tokens'
> & {
  messages: ConversationMessage[];
  temperature?: number;
  top_p?: number;
};

/** A user or assistant turn (this provider sends the system prompt in `system`, never as a message). */
type ConversationMessage = Extract<MessageParam, { role: 'user' | 'assistant' }>;

/**
 * Maps a model turn to a Messages API body: the system prompt in `system`, assistant tool calls as
 * `tool_use` blocks, tool results as `tool_result` blocks of a user message, and `max_tokens` always
 * set (the API rejects a request without it).
 */
export function convertToAnthropicRequest(request: ModelRequestV1): AnthropicMessagesBody {
  return {
    model: request.modelId,
    messages: mergeSameRole(request.messages.map(toMessageParam)),
    ...(request.system ? { system: request.system } : {}),
    ...toolsOf(request),
    ...inferenceOf(request.inference),
  };
}

function toMessageParam(message: ModelMessageV1): ConversationMessage {
  if (message.role === 'user') return { role: 'user', content: message.content };
  if (message.role === 'tool') {
    return {
      role: 'user',
      content: message.results.map((result) => ({
        type: 'tool_result' as const,
        tool_use_id: result.toolCallId,
        content: result.content,
        ...(result.isError ? { is_error: true } : {}),
      })),
    };
  }
  const calls = message.toolCalls ?? [];
  if (calls.length === 0) return { role: 'assistant', content: message.content };
  const blocks: ContentBlockParam[] = [];
  // The API rejects an empty text block, so a tool-only turn carries just the tool_use blocks.
  if (message.content !== '') blocks.push({ type: 'text', text: message.content });
  for (const call of calls)
    blocks.push({ type: 'tool_use', id: call.id, name: call.name, input: call.input });
  return { role: 'assistant', content: blocks };
}

/**
 * Joins consecutive messages of one role (tool results followed by a user message are both `user`
 * turns on this wire): the API wants the roles to alternate.
 */
function mergeSameRole(messages: readonly ConversationMessage[]): ConversationMessage[] {
  const merged: ConversationMessage[] = [];
  for (const message of messages) {
    const last = merged.at(-1);
    if (last && last.role === message.role) {
      merged[merged.length - 1] = { role: last.role, content: [...blocksOf(last), ...blocksOf(message)] };
    } else {
      merged.push(message);
    }
  }
  return merged;
}

function blocksOf(message: ConversationMessage): ContentBlockParam[] {
  if (typeof message.content !== 'string') return [...message.content];
  return message.content === '' ? [] : [{ type: 'text', text: message.content }];
}

function toolsOf(request: ModelRequestV1): { tools?: Tool[] } {
  if (!request.tools || request.tools.length === 0) return {};
  return {
    tools: request.tools.map((tool) => ({
      name: tool.name,
      description: tool.description,
      input_schema: tool.inputSchema as Tool['input_schema'],
    })),
  };
}

/** Temperature and top_p only when the spec sets them; max_tokens always. */
function inferenceOf(
  inference: InferenceV1 | undefined,
): Pick<AnthropicMessagesBody, 'max_tokens' | 'temperature' | 'top_p'> {
  return {
    max_tokens: inference?.maxTokens ?? defaultMaxTokens,
    ...(inference?.temperature !== undefined ? { temperature: inference.temperature } : {}),
    ...(inference?.topP !== undefined ? { top_p: inference.topP } : {}),
  };
}
