import type { InferenceV1, ModelRequestV1 } from '@strands-cli/core/spec';
import type {
  ChatCompletionCreateParamsBase,
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from 'openai/resources/chat/completions';

/** The request body fields this provider sends (the SDK adds `stream` per call). */
export type OpenAIChatBody = Pick<
  ChatCompletionCreateParamsBase,
  'model' | 'messages' | 'tools' | 'temperature' | 'top_p' | 'max_tokens' | 'max_completion_tokens'
>;

/**
 * Reasoning models (o1, o3, o4-mini, gpt-5 …) reject `max_tokens` and take `max_completion_tokens`.
 * A prefix like `openai/` (as routers spell ids) is ignored.
 */
export function usesMaxCompletionTokens(modelId: string): boolean {
  const bare = modelId.slice(modelId.lastIndexOf('/') + 1).toLowerCase();
  return /^o\d/.test(bare) || /^gpt-5/.test(bare);
}

/** Maps a model turn to a Chat Completions body: system prompt first, tool results as `tool` messages. */
export function convertToOpenAIRequest(request: ModelRequestV1): OpenAIChatBody {
  const messages: ChatCompletionMessageParam[] = [];
  if (request.system) messages.push({ role: 'system', content: request.system });
  for (const message of request.messages) {
    if (message.role === 'user') {
      messages.push({ role: 'user', content: message.content });
    } else if (message.role === 'assistant') {
      const calls = message.toolCalls ?? [];
      messages.push({
        role: 'assistant',
        // The API wants null content (not '') beside tool calls.
        content: calls.length > 0 && message.content === '' ? null : message.content,
        ...(calls.length > 0
          ? {
              tool_calls: calls.map((call) => ({
                id: call.id,
                type: 'function' as const,
                function: { name: call.name, arguments: JSON.stringify(call.input) },
              })),
            }
          : {}),
      });
    } else {
      for (const result of message.results) {
        messages.push({ role: 'tool', tool_call_id: result.toolCallId, content: result.content });
      }
    }
  }
  return {
    model: request.modelId,
    messages,
    ...toolsOf(request),
    ...inferenceOf(request.modelId, request.inference),
  };
}

function toolsOf(request: ModelRequestV1): { tools?: ChatCompletionTool[] } {
  if (!request.tools || request.tools.length === 0) return {};
  return {
    tools: request.tools.map((tool) => ({
      type: 'function' as const,
      function: {
        name: tool.name,
        description: tool.description,
        parameters: tool.inputSchema as Record<string, unknown>,
      },
    })),
  };
}

/** Only the parameters the spec sets are sent (strands-cli behaviour). */
function inferenceOf(modelId: string, inference: InferenceV1 | undefined): Partial<OpenAIChatBody> {
  const body: Partial<OpenAIChatBody> = {};
  if (inference?.temperature !== undefined) body.temperature = inference.temperature;
  if (inference?.topP !== undefined) body.top_p = inference.topP;
  if (inference?.maxTokens !== undefined) {
    if (usesMaxCompletionTokens(modelId)) body.max_completion_tokens = inference.maxTokens;
    else body.max_tokens = inference.maxTokens;
  }
  return body;
}
