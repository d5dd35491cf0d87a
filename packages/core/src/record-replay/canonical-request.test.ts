import { describe, expect, it } from 'vitest';
import type { ModelRequestV1 } from '../spec/v1/model-provider-v1.js';
import { canonicalRequest, requestKey, stableStringify } from './canonical-request.js';

describe('canonical requests', () => {
  it('gives the same key whatever order keys were written in', () => {
    const a = canonicalRequest('openai', {
      modelId: 'm',
      messages: [{ role: 'user', content: 'x' }],
      inference: { temperature: 0.1, maxTokens: 5 },
    });
    const b = canonicalRequest('openai', {
      inference: { maxTokens: 5, temperature: 0.1 },
      messages: [{ content: 'x', role: 'user' }],
      modelId: 'm',
    } as ModelRequestV1);
    expect(requestKey(a)).toBe(requestKey(b));
    expect(requestKey(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('treats no tools and an empty tool list alike, and drops the signal and unset parameters', () => {
    const plain = canonicalRequest('ollama', { modelId: 'm', messages: [] });
    const noisy = canonicalRequest('ollama', {
      modelId: 'm',
      messages: [],
      tools: [],
      inference: { temperature: undefined },
      signal: new AbortController().signal,
    });
    expect(noisy).toEqual(plain);
    expect(requestKey(noisy)).toBe(requestKey(plain));
  });

  it('changes the key for a different provider, model, prompt or parameter', () => {
    const base: ModelRequestV1 = { modelId: 'm', system: 's', messages: [{ role: 'user', content: 'x' }] };
    const keys = new Set([
      requestKey(canonicalRequest('openai', base)),
      requestKey(canonicalRequest('ollama', base)),
      requestKey(canonicalRequest('openai', { ...base, modelId: 'n' })),
      requestKey(canonicalRequest('openai', { ...base, system: 't' })),
      requestKey(canonicalRequest('openai', { ...base, inference: { topP: 0.5 } })),
    ]);
    expect(keys.size).toBe(5);
  });

  it('writes stable JSON with sorted keys and no undefined members', () => {
    expect(stableStringify({ b: 1, a: [{ d: undefined, c: 'x' }, null] })).toBe(
      '{"a":[{"c":"x"},null],"b":1}',
    );
  });
});
