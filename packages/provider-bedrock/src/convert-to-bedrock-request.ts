import type {
  ContentBlock,
  ConverseRequest,
  InferenceConfiguration,
  Message,
  Tool,
  ToolUseBlock,
} from '@aws-sdk/client-bedrock-runtime';
import type { InferenceV1, ModelRequestV1 } from '@strands-cli/core/spec';

/** A JSON document as the SDK types it. */
type DocumentType = NonNullable<ToolUseBlock['input']>;

/** The Converse input this provider sends (the same for ConverseStream). */
export type BedrockConverseInput = Pick<
  ConverseRequest,
  'modelId' | 'system' | 'messages' | 'inferenceConfig' | 'toolConfig'
>;

/**
 * Maps a model turn to Converse input: the system prompt apart, tool calls as `toolUse` blocks, tool
 * results as `toolResult` blocks of a user message, and adjacent messages of one role merged (Converse
 * wants user and assistant to alternate).
 */
export function convertToBedrockRequest(request: ModelRequestV1): BedrockConverseInput {
  const messages: Message[] = [];
  const push = (role: 'user' | 'assistant', content: ContentBlock[]) => {
    if (content.length === 0) return;
    const last = messages.at(-1);
    if (last?.role === role) last.content = [...(last.content ?? []), ...content];
    else messages.push({ role, content });
  };
  for (const message of request.messages) {
    if (message.role === 'user') {
      push('user', [{ text: message.content }]);
    } else if (message.role === 'assistant') {
      // Converse rejects blank text blocks, so an assistant turn that only called tools sends none.
      const text: ContentBlock[] = message.content.trim() === '' ? [] : [{ text: message.content }];
      const uses: ContentBlock[] = (message.toolCalls ?? []).map((call) => ({
        toolUse: { toolUseId: call.id, name: call.name, input: call.input as DocumentType },
      }));
      push('assistant', [...text, ...uses]);
    } else {
      push(
        'user',
        message.results.map((result) => ({
          toolResult: {
            toolUseId: result.toolCallId,
            content: [{ text: result.content === '' ? '(empty)' : result.content }],
            status: result.isError ? 'error' : 'success',
          },
        })),
      );
    }
  }
  const inferenceConfig = inferenceOf(request.inference);
  return {
    modelId: request.modelId,
    messages,
    ...(request.system ? { system: [{ text: request.system }] } : {}),
    ...(inferenceConfig ? { inferenceConfig } : {}),
    ...toolConfigOf(request),
  };
}

function toolConfigOf(request: ModelRequestV1): Pick<BedrockConverseInput, 'toolConfig'> {
  if (!request.tools || request.tools.length === 0) return {};
  const tools: Tool[] = request.tools.map((tool) => ({
    toolSpec: {
      name: tool.name,
      description: tool.description,
      inputSchema: { json: tool.inputSchema as DocumentType },
    },
  }));
  return { toolConfig: { tools } };
}

/** Only the parameters the spec sets, in `inferenceConfig`. */
function inferenceOf(inference: InferenceV1 | undefined): InferenceConfiguration | undefined {
  const config: InferenceConfiguration = {};
  if (inference?.maxTokens !== undefined) config.maxTokens = inference.maxTokens;
  if (inference?.temperature !== undefined) config.temperature = inference.temperature;
  if (inference?.topP !== undefined) config.topP = inference.topP;
  return Object.keys(config).length > 0 ? config : undefined;
}
