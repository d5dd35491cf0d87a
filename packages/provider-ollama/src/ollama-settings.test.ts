import { describe, expect, it } from 'vitest';
import { ollamaSettingsSchema, ollamaTransportKey, resolveOllamaSettings } from './ollama-settings.js';

const base = { maxConnections: 3, timeouts: { connectMs: 1, headersMs: 2, bodyMs: 3 } };

describe('resolveOllamaSettings', () => {
  it('takes runtime.host first, then OLLAMA_HOST, then localhost:11434', () => {
    const env = { OLLAMA_HOST: 'http://127.0.0.1:9999' };
    expect(resolveOllamaSettings({ ...base, env, host: 'http://127.0.0.1:1' }).host).toBe(
      'http://127.0.0.1:1',
    );
    expect(resolveOllamaSettings({ ...base, env }).host).toBe('http://127.0.0.1:9999');
    expect(resolveOllamaSettings({ ...base, env: {} }).host).toBe('http://localhost:11434');
  });

  it('passes the connection bound and timeouts through, and its schema accepts the result', () => {
    const settings = resolveOllamaSettings({ ...base, env: {} });
    expect(settings).toMatchObject({ maxConnections: 3, timeouts: base.timeouts });
    expect(ollamaSettingsSchema.safeParse(settings).success).toBe(true);
    expect(ollamaSettingsSchema.safeParse({ ...settings, apiKey: 'x' }).success).toBe(false);
  });
});

describe('ollamaTransportKey', () => {
  it('differs by host and connection bound, never by anything else', () => {
    const settings = resolveOllamaSettings({ ...base, env: {} });
    const key = ollamaTransportKey(settings);
    expect(ollamaTransportKey({ ...settings })).toBe(key);
    expect(ollamaTransportKey({ ...settings, host: 'http://127.0.0.1:2' })).not.toBe(key);
    expect(ollamaTransportKey({ ...settings, maxConnections: 9 })).not.toBe(key);
  });
});
