import type { GenerateContentResponse } from '@google/genai';
import { ProviderCallError } from '@strands-cli/core/spec';
import { describe, expect, it } from 'vitest';
import { mapGeminiResponse } from './map-gemini-response.js';

const modelId = 'gemini-2.5-flash';

function refusal(response: object): ProviderCallError {
  try {
    mapGeminiResponse(response as GenerateContentResponse, modelId);
  } catch (error) {
    if (ProviderCallError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('mapGeminiResponse', () => {
  it('refuses a blocked prompt (promptFeedback.blockReason) naming the flagged category, not retried', () => {
    const error = refusal({
      promptFeedback: {
        blockReason: 'SAFETY',
        safetyRatings: [
          { category: 'HARM_CATEGORY_HARASSMENT', probability: 'NEGLIGIBLE' },
          { category: 'HARM_CATEGORY_HATE_SPEECH', probability: 'MEDIUM' },
        ],
      },
    });
    expect(error.message).toBe(
      "Gemini refused to answer for model 'gemini-2.5-flash': the prompt was blocked (SAFETY: HARM_CATEGORY_HATE_SPEECH (MEDIUM))",
    );
    expect(error.isRetryable).toBe(false);
  });

  it('refuses PROHIBITED_CONTENT like SAFETY, and reports RECITATION as a content-filter finish', () => {
    expect(refusal({ candidates: [{ finishReason: 'PROHIBITED_CONTENT' }] }).message).toMatch(
      /answer was blocked \(PROHIBITED_CONTENT\)/,
    );
    const recited = mapGeminiResponse(
      { candidates: [{ content: { parts: [{ text: 'partial' }] }, finishReason: 'RECITATION' }] } as never,
      modelId,
    );
    expect(recited).toMatchObject({ text: 'partial', finishReason: 'content-filter' });
  });

  it('leaves thought summaries out of the text and counts thinking tokens as output', () => {
    const response = mapGeminiResponse(
      {
        candidates: [
          {
            content: { parts: [{ text: 'pondering', thought: true }, { text: 'Answer' }] },
            finishReason: 'STOP',
          },
        ],
        usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 2, thoughtsTokenCount: 7 },
      } as never,
      modelId,
    );
    expect(response).toEqual({
      text: 'Answer',
      toolCalls: [],
      finishReason: 'stop',
      usage: { inputTokens: 5, outputTokens: 9 },
    });
  });

  it('refuses a response without a candidate as unusable', () => {
    expect(refusal({ candidates: [] }).kind).toBe('bad-response');
  });
});
