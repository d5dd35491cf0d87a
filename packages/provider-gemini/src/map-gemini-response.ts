import type { Candidate, GenerateContentResponse, Part } from '@google/genai';
import {
  type FinishReasonV1,
  type ModelResponseV1,
  ProviderCallError,
  type ToolCallV1,
  type UsageV1,
} from '@strands-cli/core/spec';
import { inventedCallIdPrefix } from './convert-to-gemini-request.js';

/** Finish reasons that mean the answer was withheld by a safety or policy filter. */
const blockedFinishReasons: ReadonlySet<string> = new Set([
  'SAFETY',
  'PROHIBITED_CONTENT',
  'BLOCKLIST',
  'SPII',
  'IMAGE_SAFETY',
]);

/** Maps a Gemini `finishReason` to the contract's finish reason. */
export function mapFinishReason(reason: string | undefined, hasToolCalls: boolean): FinishReasonV1 {
  if (hasToolCalls) return 'tool-calls';
  switch (reason) {
    case 'STOP':
      return 'stop';
    case 'MAX_TOKENS':
      return 'length';
    case 'RECITATION':
      return 'content-filter';
    default:
      return 'other';
  }
}

/** The text of a candidate's parts (thought summaries left out: they are not the answer). */
export function textOfParts(parts: readonly Part[] | undefined): string {
  let text = '';
  for (const part of parts ?? []) if (typeof part.text === 'string' && !part.thought) text += part.text;
  return text;
}

/**
 * The function calls among parts, numbered from `firstIndex` so a stream's calls keep one sequence.
 * Gemini may send no call id: one is made up from the position (see {@link inventedCallIdPrefix}).
 */
export function toolCallsOfParts(
  parts: readonly Part[] | undefined,
  firstIndex: number,
  modelId: string,
): ToolCallV1[] {
  const calls: ToolCallV1[] = [];
  for (const part of parts ?? []) {
    const call = part.functionCall;
    if (!call) continue;
    const name = call.name ?? '';
    if (name === '') throw badResponse('a function call has no name', modelId);
    const args = call.args ?? {};
    if (typeof args !== 'object' || Array.isArray(args)) {
      throw badResponse(`the arguments of function call '${name}' are not a JSON object`, modelId);
    }
    calls.push({
      id: call.id || `${inventedCallIdPrefix}${firstIndex + calls.length + 1}`,
      name,
      input: args,
    });
  }
  return calls;
}

/** Token usage from `usageMetadata` (thinking tokens count as output, as they are billed). */
export function usageOf(response: GenerateContentResponse): UsageV1 | undefined {
  const usage = response.usageMetadata;
  if (!usage) return undefined;
  return {
    inputTokens: usage.promptTokenCount ?? 0,
    outputTokens: (usage.candidatesTokenCount ?? 0) + (usage.thoughtsTokenCount ?? 0),
  };
}

/**
 * Throws when Gemini withheld the answer: the prompt blocked (`promptFeedback.blockReason`) or the
 * candidate stopped by a safety filter. Not retried: the same input is blocked again.
 */
export function throwIfBlocked(response: GenerateContentResponse, modelId: string): void {
  const blockReason = response.promptFeedback?.blockReason;
  if (blockReason) {
    const categories = flaggedCategories(response.promptFeedback?.safetyRatings);
    throw safetyBlock(`the prompt was blocked (${blockReason}${categories})`, modelId);
  }
  const candidate = response.candidates?.[0];
  const reason = candidate?.finishReason;
  if (reason && blockedFinishReasons.has(reason)) {
    throw safetyBlock(
      `the answer was blocked (${reason}${flaggedCategories(candidate?.safetyRatings)})`,
      modelId,
    );
  }
}

/** Maps a non-streamed response to the contract's response. */
export function mapGeminiResponse(response: GenerateContentResponse, modelId: string): ModelResponseV1 {
  throwIfBlocked(response, modelId);
  const candidate: Candidate | undefined = response.candidates?.[0];
  if (!candidate) throw badResponse('the response has no candidate', modelId);
  const parts = candidate.content?.parts;
  const toolCalls = toolCallsOfParts(parts, 0, modelId);
  const usage = usageOf(response);
  return {
    text: textOfParts(parts),
    toolCalls,
    finishReason: mapFinishReason(candidate.finishReason, toolCalls.length > 0),
    ...(usage ? { usage } : {}),
  };
}

type Rating = NonNullable<Candidate['safetyRatings']>[number];

/** `: HARM_CATEGORY_X (HIGH), ...` for the ratings that blocked (or, failing that, rated above low). */
function flaggedCategories(ratings: readonly Rating[] | undefined): string {
  const all = ratings ?? [];
  const blocked = all.filter((rating) => rating.blocked);
  const flagged =
    blocked.length > 0 ? blocked : all.filter((r) => r.probability === 'HIGH' || r.probability === 'MEDIUM');
  if (flagged.length === 0) return '';
  return `: ${flagged.map((r) => `${r.category ?? 'unknown category'}${r.probability ? ` (${r.probability})` : ''}`).join(', ')}`;
}

function safetyBlock(detail: string, modelId: string): ProviderCallError {
  return new ProviderCallError({
    providerId: 'gemini',
    kind: 'bad-request',
    isRetryable: false,
    message: `Gemini refused to answer for model '${modelId}': ${detail}`,
    modelId,
    hint: 'Rephrase the prompt or the agent instructions; the same input is blocked again, so it is not retried.',
  });
}

/** A response the provider could not make sense of (not retried). */
export function badResponse(detail: string, modelId: string, cause?: unknown): ProviderCallError {
  return new ProviderCallError({
    providerId: 'gemini',
    kind: 'bad-response',
    message: `Gemini returned an unusable response for model '${modelId}': ${detail}`,
    modelId,
    cause,
    hint: 'Check that runtime.host / GOOGLE_GEMINI_BASE_URL points at a Gemini API endpoint.',
  });
}
