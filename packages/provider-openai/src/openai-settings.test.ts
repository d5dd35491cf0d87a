import { ProviderCallError } from '@strands-cli/core/spec';
import { describe, expect, it } from 'vitest';
import {
  openAISettingsSchema,
  openAITransportKey,
  placeholderApiKey,
  resolveOpenAISettings,
} from './openai-settings.js';

const base = { maxConnections: 4, timeouts: { connectMs: 1000, headersMs: 2000, bodyMs: 3000 } };

describe('resolveOpenAISettings', () => {
  it('reads the key from OPENAI_API_KEY and defaults to the OpenAI API', () => {
    const settings = resolveOpenAISettings({ ...base, env: { OPENAI_API_KEY: 'sk-1' } });
    expect(settings).toEqual({
      apiKey: 'sk-1',
      baseURL: 'https://api.openai.com/v1',
      maxConnections: 4,
      timeouts: base.timeouts,
      limits: { callDeadlineMs: 600_000, maxResponseBytes: 64 * 1024 * 1024 },
    });
    expect(openAISettingsSchema.safeParse(settings).success).toBe(true);
  });

  it('reads the call deadline and the response size cap from the environment', () => {
    const env = { OPENAI_API_KEY: 'sk-1', STRANDS_CALL_DEADLINE_S: '5', STRANDS_MAX_RESPONSE_BYTES: '100' };
    const settings = resolveOpenAISettings({ ...base, env });
    expect(settings.limits).toEqual({ callDeadlineMs: 5000, maxResponseBytes: 100 });
    expect(openAITransportKey(settings)).not.toBe(
      openAITransportKey(resolveOpenAISettings({ ...base, env: { OPENAI_API_KEY: 'sk-1' } })),
    );
  });

  it('prefers runtime.host over OPENAI_BASE_URL', () => {
    const env = { OPENAI_API_KEY: 'sk-1', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' };
    expect(resolveOpenAISettings({ ...base, env }).baseURL).toBe('http://127.0.0.1:9/v1');
    expect(resolveOpenAISettings({ ...base, env, host: 'http://127.0.0.1:8/v1' }).baseURL).toBe(
      'http://127.0.0.1:8/v1',
    );
  });

  it('requires OPENAI_API_KEY for the OpenAI API, with a hint naming it', () => {
    const error = (() => {
      try {
        resolveOpenAISettings({ ...base, env: {} });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ProviderCallError);
    expect(error).toMatchObject({ kind: 'auth', isRetryable: false });
    expect((error as ProviderCallError).hint).toMatch(/OPENAI_API_KEY/);
  });

  it('lets a compatible server go without a key', () => {
    const settings = resolveOpenAISettings({ ...base, env: {}, host: 'http://127.0.0.1:8000/v1' });
    expect(settings.apiKey).toBe(placeholderApiKey);
  });

  it('reads nothing from process.env (only the env it is given)', () => {
    process.env.OPENAI_API_KEY = 'sk-from-process';
    try {
      expect(() => resolveOpenAISettings({ ...base, env: {} })).toThrow(ProviderCallError);
    } finally {
      delete process.env.OPENAI_API_KEY;
    }
  });
});

describe('openAITransportKey', () => {
  const settings = resolveOpenAISettings({ ...base, env: { OPENAI_API_KEY: 'sk-secret-value' } });

  it('never holds the key in clear, but tells keys apart', () => {
    const key = openAITransportKey(settings);
    expect(key).not.toContain('sk-secret-value');
    expect(key).not.toBe(openAITransportKey({ ...settings, apiKey: 'sk-other' }));
  });

  it('depends on the endpoint and the connection bound', () => {
    const key = openAITransportKey(settings);
    expect(openAITransportKey({ ...settings, baseURL: 'http://127.0.0.1:1/v1' })).not.toBe(key);
    expect(openAITransportKey({ ...settings, maxConnections: 8 })).not.toBe(key);
    expect(openAITransportKey({ ...settings })).toBe(key);
  });
});

describe('openAISettingsSchema', () => {
  it('rejects unknown keys and a base URL that is not http(s)', () => {
    expect(openAISettingsSchema.safeParse({ apiKey: 'k', extra: 1 }).success).toBe(false);
    expect(openAISettingsSchema.safeParse({ apiKey: 'k', baseURL: 'ftp://x' }).success).toBe(false);
  });
});
