import type { InferenceV1, ModelRequestV1 } from '@strands-cli/core/spec';
import type { ChatRequest, Message, Options, Tool } from 'ollama';

/** The request body this provider sends (the call adds `stream`). */
export type OllamaChatBody = Pick<ChatRequest, 'model' | 'messages' | 'tools' | 'options'>;

/**
 * Maps a model turn to an Ollama `/api/chat` body: the system prompt as the first message, tool
 * calls with object arguments, each tool result as a `tool` message naming its tool.
 */
export function convertToOllamaRequest(request: ModelRequestV1): OllamaChatBody {
  const messages: Message[] = [];
  if (request.system) messages.push({ role: 'system', content: request.system });
  for (const message of request.messages) {
    if (message.role === 'user') {
      messages.push({ role: 'user', content: message.content });
    } else if (message.role === 'assistant') {
      const calls = message.toolCalls ?? [];
      messages.push({
        role: 'assistant',
        content: message.content,
        ...(calls.length > 0
          ? {
              tool_calls: calls.map((call) => ({
                function: { name: call.name, arguments: { ...call.input } },
              })),
            }
          : {}),
      });
    } else {
      for (const result of message.results) {
        messages.push({ role: 'tool', content: result.content, tool_name: result.toolName });
      }
    }
  }
  const options = optionsOf(request.inference);
  return {
    model: request.modelId,
    messages,
    ...toolsOf(request),
    ...(options ? { options } : {}),
  };
}

function toolsOf(request: ModelRequestV1): { tools?: Tool[] } {
  if (!request.tools || request.tools.length === 0) return {};
  return {
    tools: request.tools.map((tool) => ({
      type: 'function',
      function: {
        name: tool.name,
        description: tool.description,
        parameters: tool.inputSchema as Tool['function']['parameters'],
      },
    })),
  };
}

/** Only the parameters the spec sets: `temperature`, `top_p`, `num_predict` (max tokens). */
function optionsOf(inference: InferenceV1 | undefined): Partial<Options> | undefined {
  const options: Partial<Options> = {};
  if (inference?.temperature !== undefined) options.temperature = inference.temperature;
  if (inference?.topP !== undefined) options.top_p = inference.topP;
  if (inference?.maxTokens !== undefined) options.num_predict = inference.maxTokens;
  return Object.keys(options).length > 0 ? options : undefined;
}
