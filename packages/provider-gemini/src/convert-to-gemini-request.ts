import type { Content, GenerateContentConfig, Part } from '@google/genai';
import type { InferenceV1, ModelMessageV1, ModelRequestV1 } from '@strands-cli/core/spec';

/**
 * Tool call ids this provider invents start with this. The Gemini API matches a `functionResponse`
 * to its `functionCall` by name and position, and many of its models send no call id at all; an id
 * the wire did send is echoed back, one we made up is not (the API would not know it).
 */
export const inventedCallIdPrefix = 'gemini-call-';

/** What `models.generateContent` / `generateContentStream` take, minus the abort signal. */
export interface GeminiRequest {
  readonly model: string;
  readonly contents: Content[];
  readonly config: GenerateContentConfig;
}

/**
 * Maps a model turn to a `generateContent` request: the system prompt in `systemInstruction`,
 * assistant tool calls as `functionCall` parts of a `model` turn, tool results as `functionResponse`
 * parts of a `user` turn (in the order of the calls, named as the calls were), tools as
 * `functionDeclarations` with their JSON Schema as given, and the inference parameters in the
 * generation config. Automatic function calling stays off: the core runs the tools.
 */
export function convertToGeminiRequest(request: ModelRequestV1): GeminiRequest {
  const config: GenerateContentConfig = {
    automaticFunctionCalling: { disable: true },
    // One call is one HTTP request: the core's failure policy decides about any further one.
    automaticContinuation: false,
    ...(request.system ? { systemInstruction: request.system } : {}),
    ...toolsOf(request),
    ...inferenceOf(request.inference),
  };
  return {
    model: request.modelId,
    contents: mergeSameRole(request.messages.map(toContent)),
    config,
  };
}

function toContent(message: ModelMessageV1): Content {
  if (message.role === 'user') return { role: 'user', parts: [{ text: message.content }] };
  if (message.role === 'tool') {
    return {
      role: 'user',
      parts: message.results.map((result) => ({
        functionResponse: {
          ...wireId(result.toolCallId),
          name: result.toolName,
          // The API wants an object; `output` and `error` are the keys its documentation uses.
          response: result.isError ? { error: result.content } : { output: result.content },
        },
      })),
    };
  }
  const parts: Part[] = [];
  // An empty text part is rejected, so a tool-only turn carries just the function calls.
  if (message.content !== '') parts.push({ text: message.content });
  for (const call of message.toolCalls ?? []) {
    parts.push({ functionCall: { ...wireId(call.id), name: call.name, args: call.input } });
  }
  return { role: 'model', parts };
}

function wireId(id: string): { id?: string } {
  return id.startsWith(inventedCallIdPrefix) ? {} : { id };
}

/** Joins consecutive turns of one role (tool results followed by a user message are both `user`). */
function mergeSameRole(contents: readonly Content[]): Content[] {
  const merged: Content[] = [];
  for (const content of contents) {
    const last = merged.at(-1);
    if (last && last.role === content.role) {
      merged[merged.length - 1] = {
        role: last.role,
        parts: [...(last.parts ?? []), ...(content.parts ?? [])],
      };
    } else {
      merged.push(content);
    }
  }
  return merged;
}

function toolsOf(request: ModelRequestV1): Pick<GenerateContentConfig, 'tools'> {
  if (!request.tools || request.tools.length === 0) return {};
  return {
    tools: [
      {
        functionDeclarations: request.tools.map((tool) => ({
          name: tool.name,
          description: tool.description,
          // Full JSON Schema; `parameters` would take only the OpenAPI subset Gemini's Schema type knows.
          parametersJsonSchema: tool.inputSchema,
        })),
      },
    ],
  };
}

/** Only what the spec sets: the API's defaults depend on the model. */
function inferenceOf(inference: InferenceV1 | undefined): GenerateContentConfig {
  return {
    ...(inference?.temperature !== undefined ? { temperature: inference.temperature } : {}),
    ...(inference?.topP !== undefined ? { topP: inference.topP } : {}),
    ...(inference?.maxTokens !== undefined ? { maxOutputTokens: inference.maxTokens } : {}),
  };
}
