import { createHash } from 'node:crypto';
import type {
  InferenceV1,
  ModelMessageV1,
  ModelRequestV1,
  ToolCallV1,
  ToolDefinitionV1,
} from '../spec/v1/model-provider-v1.js';
import type { CanonicalRequestV1 } from './cassette-format.js';

/**
 * Reduces a request to its canonical form. Fields are copied one by one (never spread) so that nothing
 * outside the contract, such as a signal, headers or credentials a caller attached, can reach a cassette.
 * Empty tool lists and empty inference objects are dropped: they ask the model for the same thing as none.
 */
export function canonicalRequest(provider: string, request: ModelRequestV1): CanonicalRequestV1 {
  const tools = (request.tools ?? []).map(canonicalTool);
  const inference = canonicalInference(request.inference);
  return {
    provider,
    modelId: request.modelId,
    ...(request.system === undefined ? {} : { system: request.system }),
    messages: request.messages.map(canonicalMessage),
    ...(tools.length === 0 ? {} : { tools }),
    ...(inference === undefined ? {} : { inference }),
  };
}

/** The entry key of a canonical request: SHA-256 (hex) of its JSON with keys sorted at every level. */
export function requestKey(request: CanonicalRequestV1): string {
  return sha256Json(request);
}

/**
 * SHA-256 (hex) of a value's JSON with sorted keys: equal values give equal hashes. Cassette keys and
 * the run journal's request hashes are all this, so a cassette entry and a journal entry of the same
 * model turn or tool call carry the same key.
 */
export function sha256Json(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('hex');
}

/**
 * The entry key of a tool call: SHA-256 (hex) of `{ tool, input }` with keys sorted at every level, so
 * the same call with its input members in another order finds the same answer.
 */
export function toolCallKey(tool: string, input: unknown): string {
  return sha256Json({ tool, input: input ?? null });
}

/**
 * JSON with object keys sorted at every level and `undefined` members left out, so equal values always
 * give equal text whatever order their keys were added in.
 */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => stableStringify(item ?? null)).join(',')}]`;
  const members = Object.keys(value)
    .filter((name) => (value as Record<string, unknown>)[name] !== undefined)
    .sort()
    .map((name) => `${JSON.stringify(name)}:${stableStringify((value as Record<string, unknown>)[name])}`);
  return `{${members.join(',')}}`;
}

function canonicalMessage(message: ModelMessageV1): ModelMessageV1 {
  switch (message.role) {
    case 'user':
      return { role: 'user', content: message.content };
    case 'assistant':
      return message.toolCalls && message.toolCalls.length > 0
        ? { role: 'assistant', content: message.content, toolCalls: message.toolCalls.map(canonicalToolCall) }
        : { role: 'assistant', content: message.content };
    case 'tool':
      return {
        role: 'tool',
        results: message.results.map((result) => ({
          toolCallId: result.toolCallId,
          toolName: result.toolName,
          content: result.content,
          isError: result.isError,
        })),
      };
  }
}

/** A tool call as recorded: id, name and input only. */
export function canonicalToolCall(call: ToolCallV1): ToolCallV1 {
  return { id: call.id, name: call.name, input: call.input };
}

function canonicalTool(tool: ToolDefinitionV1): ToolDefinitionV1 {
  return { name: tool.name, description: tool.description, inputSchema: tool.inputSchema };
}

function canonicalInference(inference: InferenceV1 | undefined): InferenceV1 | undefined {
  if (!inference) return undefined;
  const result: { temperature?: number; topP?: number; maxTokens?: number } = {};
  if (inference.temperature !== undefined) result.temperature = inference.temperature;
  if (inference.topP !== undefined) result.topP = inference.topP;
  if (inference.maxTokens !== undefined) result.maxTokens = inference.maxTokens;
  return Object.keys(result).length === 0 ? undefined : result;
}
