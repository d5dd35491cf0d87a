import { ProviderCallError } from '@strands-cli/core/spec';
import { describe, expect, it } from 'vitest';
import { anthropicTransportKey, resolveAnthropicSettings } from './anthropic-settings.js';

const base = { maxConnections: 4, timeouts: { connectMs: 1, headersMs: 2, bodyMs: 3 } };

describe('resolveAnthropicSettings', () => {
  it('takes the key from ANTHROPIC_API_KEY and the endpoint from runtime.host, then ANTHROPIC_BASE_URL', () => {
    const env = { ANTHROPIC_API_KEY: 'sk-ant-1', ANTHROPIC_BASE_URL: 'http://gateway.local' };
    expect(resolveAnthropicSettings({ ...base, env })).toMatchObject({
      apiKey: 'sk-ant-1',
      baseURL: 'http://gateway.local',
      maxConnections: 4,
    });
    expect(resolveAnthropicSettings({ ...base, host: 'http://127.0.0.1:9', env }).baseURL).toBe(
      'http://127.0.0.1:9',
    );
    expect(resolveAnthropicSettings({ ...base, env: { ANTHROPIC_API_KEY: 'k' } }).baseURL).toBe(
      'https://api.anthropic.com',
    );
  });

  it('refuses a missing key with an auth error that names the variable', () => {
    let thrown: unknown;
    try {
      resolveAnthropicSettings({ ...base, env: { ANTHROPIC_API_KEY: '  ' } });
    } catch (error) {
      thrown = error;
    }
    expect(ProviderCallError.isInstance(thrown)).toBe(true);
    expect((thrown as ProviderCallError).kind).toBe('auth');
    expect((thrown as ProviderCallError).hint).toMatch(/ANTHROPIC_API_KEY/);
  });
});

describe('anthropicTransportKey', () => {
  it('holds a fingerprint of the key, never the key, and differs per key and endpoint', () => {
    const key = anthropicTransportKey({ apiKey: 'sk-ant-secret', baseURL: 'http://a' });
    expect(key).not.toContain('sk-ant-secret');
    expect(key).not.toBe(anthropicTransportKey({ apiKey: 'sk-ant-other', baseURL: 'http://a' }));
    expect(key).not.toBe(anthropicTransportKey({ apiKey: 'sk-ant-secret', baseURL: 'http://b' }));
  });
});
