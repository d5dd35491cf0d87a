import { ProviderCallError } from '@strands-cli/core/spec';
import { describe, expect, it } from 'vitest';
import { geminiTransportKey, resolveGeminiSettings } from './gemini-settings.js';

const base = { maxConnections: 4, timeouts: { connectMs: 1, headersMs: 2, bodyMs: 3 } };

describe('resolveGeminiSettings', () => {
  it('takes the endpoint from runtime.host, then GOOGLE_GEMINI_BASE_URL, then the Gemini API', () => {
    const env = { GEMINI_API_KEY: 'gm-1', GOOGLE_GEMINI_BASE_URL: 'http://gateway.local' };
    expect(resolveGeminiSettings({ ...base, env })).toMatchObject({
      apiKey: 'gm-1',
      baseURL: 'http://gateway.local',
      maxConnections: 4,
    });
    expect(resolveGeminiSettings({ ...base, host: 'http://127.0.0.1:9', env }).baseURL).toBe(
      'http://127.0.0.1:9',
    );
    expect(resolveGeminiSettings({ ...base, env: { GEMINI_API_KEY: 'k' } }).baseURL).toBe(
      'https://generativelanguage.googleapis.com',
    );
  });

  it("takes GOOGLE_API_KEY before GEMINI_API_KEY, as Google's SDKs do", () => {
    expect(resolveGeminiSettings({ ...base, env: { GOOGLE_API_KEY: 'g' } }).apiKey).toBe('g');
    expect(resolveGeminiSettings({ ...base, env: { GOOGLE_API_KEY: 'g', GEMINI_API_KEY: 'm' } }).apiKey).toBe(
      'g',
    );
    expect(resolveGeminiSettings({ ...base, env: { GOOGLE_API_KEY: ' ', GEMINI_API_KEY: 'm' } }).apiKey).toBe(
      'm',
    );
  });

  it('refuses a missing key with an auth error that names the variable', () => {
    let thrown: unknown;
    try {
      resolveGeminiSettings({ ...base, env: { GEMINI_API_KEY: '  ' } });
    } catch (error) {
      thrown = error;
    }
    expect(ProviderCallError.isInstance(thrown)).toBe(true);
    expect((thrown as ProviderCallError).kind).toBe('auth');
    expect((thrown as ProviderCallError).hint).toMatch(/GEMINI_API_KEY/);
  });
});

describe('geminiTransportKey', () => {
  it('holds a fingerprint of the key, never the key, and differs per key and endpoint', () => {
    const key = geminiTransportKey({ apiKey: 'gm-secret', baseURL: 'http://a' });
    expect(key).not.toContain('gm-secret');
    expect(key).not.toBe(geminiTransportKey({ apiKey: 'gm-other', baseURL: 'http://a' }));
    expect(key).not.toBe(geminiTransportKey({ apiKey: 'gm-secret', baseURL: 'http://b' }));
  });
});
