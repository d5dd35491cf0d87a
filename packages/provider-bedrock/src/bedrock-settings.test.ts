import { describe, expect, it } from 'vitest';
import { bedrockSettingsSchema, bedrockTransportKey, resolveBedrockSettings } from './bedrock-settings.js';

const base = { maxConnections: 4, timeouts: { connectMs: 1, headersMs: 2, bodyMs: 3 } };

describe('resolveBedrockSettings', () => {
  it('takes the region from the spec first, then AWS_REGION, then AWS_DEFAULT_REGION', () => {
    const env = { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'ap-south-1' };
    expect(resolveBedrockSettings({ ...base, env, region: 'us-west-2' }).region).toBe('us-west-2');
    expect(resolveBedrockSettings({ ...base, env }).region).toBe('eu-west-1');
    expect(resolveBedrockSettings({ ...base, env: { AWS_DEFAULT_REGION: 'ap-south-1' } }).region).toBe(
      'ap-south-1',
    );
    expect(resolveBedrockSettings({ ...base, env: {} })).not.toHaveProperty('region');
  });

  it('takes the endpoint from runtime.host, then AWS_ENDPOINT_URL_BEDROCK_RUNTIME, then AWS_ENDPOINT_URL', () => {
    const env = {
      AWS_ENDPOINT_URL_BEDROCK_RUNTIME: 'http://127.0.0.1:2',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:3',
    };
    expect(resolveBedrockSettings({ ...base, env, host: 'http://127.0.0.1:1' }).endpoint).toBe(
      'http://127.0.0.1:1',
    );
    expect(resolveBedrockSettings({ ...base, env }).endpoint).toBe('http://127.0.0.1:2');
    expect(
      resolveBedrockSettings({ ...base, env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:3' } }).endpoint,
    ).toBe('http://127.0.0.1:3');
  });

  it('prefers a Bedrock API key, then static keys, then a profile, then the default chain', () => {
    const keys = {
      AWS_ACCESS_KEY_ID: 'AKID',
      AWS_SECRET_ACCESS_KEY: 's',
      AWS_SESSION_TOKEN: 't',
      AWS_PROFILE: 'dev',
    };
    expect(
      resolveBedrockSettings({ ...base, env: { ...keys, AWS_BEARER_TOKEN_BEDROCK: 'br' } }),
    ).toMatchObject({
      bearerToken: 'br',
    });
    const fromKeys = resolveBedrockSettings({ ...base, env: keys });
    expect(fromKeys.credentials).toEqual({ accessKeyId: 'AKID', secretAccessKey: 's', sessionToken: 't' });
    expect(fromKeys).not.toHaveProperty('profile');
    expect(resolveBedrockSettings({ ...base, env: { AWS_PROFILE: 'dev' } }).profile).toBe('dev');
    const chain = resolveBedrockSettings({ ...base, env: {} });
    expect(chain).not.toHaveProperty('credentials');
    expect(chain).not.toHaveProperty('bearerToken');
    expect(bedrockSettingsSchema.safeParse(fromKeys).success).toBe(true);
  });
});

describe('bedrockTransportKey', () => {
  const settings = resolveBedrockSettings({
    ...base,
    region: 'us-east-1',
    env: { AWS_ACCESS_KEY_ID: 'AKIDSECRETISH', AWS_SECRET_ACCESS_KEY: 'very-secret' },
  });

  it('holds no secret in clear but tells credentials apart', () => {
    const key = bedrockTransportKey(settings);
    expect(key).not.toContain('very-secret');
    expect(key).not.toContain('AKIDSECRETISH');
    expect(
      bedrockTransportKey({ ...settings, credentials: { accessKeyId: 'x', secretAccessKey: 'y' } }),
    ).not.toBe(key);
    expect(bedrockTransportKey({ ...settings, bearerToken: 'br-secret' })).not.toContain('br-secret');
  });

  it('differs by region, endpoint and connection bound only', () => {
    const key = bedrockTransportKey(settings);
    expect(bedrockTransportKey({ ...settings })).toBe(key);
    expect(bedrockTransportKey({ ...settings, region: 'eu-west-1' })).not.toBe(key);
    expect(bedrockTransportKey({ ...settings, endpoint: 'http://127.0.0.1:1' })).not.toBe(key);
    expect(bedrockTransportKey({ ...settings, maxConnections: 7 })).not.toBe(key);
  });
});
