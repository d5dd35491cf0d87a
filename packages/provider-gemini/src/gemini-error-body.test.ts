import { ApiError } from '@google/genai';
import { describe, expect, it } from 'vitest';
import { parseGeminiErrorMessage } from './gemini-error-body.js';
import { mapGeminiError } from './map-gemini-error.js';

const quotaBody = {
  error: {
    code: 429,
    message: 'You exceeded your current quota.',
    status: 'RESOURCE_EXHAUSTED',
    details: [
      { '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [] },
      { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '31.5s' },
    ],
  },
};

const context = {
  modelId: 'gemini-2.5-flash',
  baseURL: 'http://127.0.0.1:1',
  streamStarted: false,
  signal: undefined,
};

describe('parseGeminiErrorMessage', () => {
  it("reads status, message and RetryInfo from the SDK's message (the body as JSON)", () => {
    expect(parseGeminiErrorMessage(JSON.stringify(quotaBody))).toEqual({
      code: 429,
      status: 'RESOURCE_EXHAUSTED',
      message: 'You exceeded your current quota.',
      retryDelayMs: 31_500,
    });
  });

  it('reads an in-stream error (prefixed) and the ErrorInfo reason', () => {
    const body = {
      error: { code: 400, status: 'INVALID_ARGUMENT', details: [{ reason: 'API_KEY_INVALID' }] },
    };
    expect(parseGeminiErrorMessage(`got status: INVALID_ARGUMENT. ${JSON.stringify(body)}`)).toMatchObject({
      code: 400,
      reason: 'API_KEY_INVALID',
    });
  });

  it('gives nothing for a message that is not an error body', () => {
    expect(parseGeminiErrorMessage('fetch failed')).toEqual({});
    expect(parseGeminiErrorMessage('{ not json')).toEqual({});
  });
});

describe('mapGeminiError', () => {
  it("honours RetryInfo's delay when no Retry-After header came", () => {
    const error = new ApiError({ status: 429, message: JSON.stringify(quotaBody) });
    expect(mapGeminiError(error, ApiError, context)).toMatchObject({
      kind: 'rate-limit',
      isRetryable: true,
      retryAfterMs: 31_500,
    });
  });

  it('treats 400 with reason API_KEY_INVALID as a refused key, not a bad request', () => {
    const body = {
      error: {
        code: 400,
        status: 'INVALID_ARGUMENT',
        message: 'API key not valid.',
        details: [{ reason: 'API_KEY_INVALID' }],
      },
    };
    const mapped = mapGeminiError(
      new ApiError({ status: 400, message: JSON.stringify(body) }),
      ApiError,
      context,
    );
    expect(mapped).toMatchObject({ kind: 'auth', isRetryable: false });
    expect(mapped.hint).toMatch(/GEMINI_API_KEY/);
  });
});
