import { describe, expect, it } from 'vitest';
import { SpecValidationError, UsageError } from '../spec/v1/errors.js';
import type { EndpointCheck, EndpointPolicyOptions } from './endpoint-policy.js';
import { endpointRefusal } from './endpoint-policy.js';

const openai: EndpointCheck['plugin'] = {
  id: 'openai',
  credentialVariables: ['OPENAI_API_KEY'],
  endpointVariables: ['OPENAI_BASE_URL'],
  isOwnEndpoint: (url) => url.protocol === 'https:' && url.hostname === 'api.openai.com',
};
const ollama: EndpointCheck['plugin'] = {
  id: 'ollama',
  credentialVariables: [],
  endpointVariables: ['OLLAMA_HOST'],
};
const bedrock: EndpointCheck['plugin'] = {
  id: 'bedrock',
  credentialVariables: ['AWS_BEARER_TOKEN_BEDROCK', 'AWS_ACCESS_KEY_ID'],
  endpointVariables: ['AWS_ENDPOINT_URL_BEDROCK_RUNTIME'],
  ambientCredentials: true,
};
const key = { OPENAI_API_KEY: 'sk-test-1234567890' };

function refusal(
  plugin: EndpointCheck['plugin'],
  specHost: string | undefined,
  options: Partial<EndpointPolicyOptions> = {},
  pointer = '/runtime/host',
) {
  return endpointRefusal(
    { plugin, specHost, location: { pointer } },
    { allowedEndpoints: [], allowPrivateNetwork: false, env: {}, ...options },
  );
}

describe('endpointRefusal: where credentials from the environment may go', () => {
  // Each row: provider, spec host, environment and approvals, and whether the run may go ahead.
  const allowed: [string, EndpointCheck['plugin'], string | undefined, Partial<EndpointPolicyOptions>][] = [
    ['no spec host (the provider default)', openai, undefined, { env: key }],
    ['the provider’s own service named in the spec', openai, 'https://api.openai.com/v1', { env: key }],
    ['vLLM on localhost with a key', openai, 'http://localhost:8000/v1', { env: key }],
    ['LM Studio on 127.0.0.1 with a key', openai, 'http://127.0.0.1:1234/v1', { env: key }],
    ['llama.cpp on [::1] with a key', openai, 'http://[::1]:8080/v1', { env: key }],
    ['any loopback address (127.0.0.2)', openai, 'http://127.0.0.2:9/v1', { env: key }],
    ['a remote server without a key (nothing to leak)', openai, 'http://gpu-box.example:8000/v1', {}],
    ['a local Ollama (no credential)', ollama, 'http://localhost:11434', {}],
    ['a remote Ollama (no credential)', ollama, 'http://10.0.0.5:11434', {}],
    [
      'a corporate gateway approved by OPENAI_BASE_URL',
      openai,
      'https://llm.corp.example/v1',
      { env: { ...key, OPENAI_BASE_URL: 'https://llm.corp.example/openai' } },
    ],
    [
      'a gateway approved by STRANDS_ALLOWED_ENDPOINTS',
      openai,
      'https://llm.corp.example:8443/v1',
      { env: { ...key, STRANDS_ALLOWED_ENDPOINTS: 'http://a.example, https://llm.corp.example:8443' } },
    ],
    [
      'a gateway approved by --allow-endpoint (default port written out)',
      openai,
      'https://llm.corp.example/v1',
      { env: key, allowedEndpoints: ['https://LLM.corp.example:443'] },
    ],
    [
      'Bedrock endpoint approved by AWS_ENDPOINT_URL_BEDROCK_RUNTIME',
      bedrock,
      'https://vpce-1.bedrock-runtime.example/',
      {
        env: {
          AWS_BEARER_TOKEN_BEDROCK: 'bedrock-token-123',
          AWS_ENDPOINT_URL_BEDROCK_RUNTIME: 'https://vpce-1.bedrock-runtime.example',
        },
      },
    ],
    [
      'a private address, approved',
      openai,
      'http://10.1.2.3:8000/v1',
      { env: key, allowedEndpoints: ['http://10.1.2.3:8000'] },
    ],
    [
      'metadata with --allow-private-network and no key',
      ollama,
      'http://169.254.169.254',
      { allowPrivateNetwork: true },
    ],
  ];
  it.each(allowed)('allows %s', (_name, plugin, host, options) => {
    expect(refusal(plugin, host, options)).toBeUndefined();
  });

  const refused: [string, EndpointCheck['plugin'], string, Partial<EndpointPolicyOptions>][] = [
    ['an arbitrary remote host with a key', openai, 'http://example.invalid/v1', { env: key }],
    ['OpenAI’s host over http (not its own service)', openai, 'http://api.openai.com/v1', { env: key }],
    [
      'another port than the approved one',
      openai,
      'https://llm.corp.example:9443/v1',
      { env: key, allowedEndpoints: ['https://llm.corp.example'] },
    ],
    [
      'another scheme than the approved one',
      openai,
      'http://llm.corp.example/v1',
      { env: key, allowedEndpoints: ['https://llm.corp.example'] },
    ],
    ['a look-alike of localhost', openai, 'http://localhost.example.com/v1', { env: key }],
    ['a host written without a scheme', openai, 'evil.example:8443/v1', { env: key }],
    [
      'Bedrock with a bearer token and a spec endpoint',
      bedrock,
      'https://bedrock.evil.example',
      { env: { AWS_BEARER_TOKEN_BEDROCK: 'bedrock-token-123' } },
    ],
    [
      'Bedrock with no env credential (the SDK chain signs anyway)',
      bedrock,
      'https://bedrock.evil.example',
      {},
    ],
  ];
  it.each(refused)('refuses %s', (_name, plugin, host, options) => {
    const error = refusal(plugin, host, options);
    expect(SpecValidationError.isInstance(error)).toBe(true);
    expect(error?.exitCode).toBe(3);
  });

  it('names the host, the spec location and both ways to approve', () => {
    const error = refusal(openai, 'http://example.invalid:8080/v1', { env: key }, '/agents/writer/host');
    expect(error?.message).toContain('OPENAI_API_KEY');
    expect(error?.message).toContain('example.invalid:8080');
    expect(error?.hint).toContain('--allow-endpoint http://example.invalid:8080');
    expect(error?.hint).toContain('OPENAI_BASE_URL=http://example.invalid:8080/v1');
    expect(SpecValidationError.isInstance(error) && error.issues[0]?.pointer).toBe('/agents/writer/host');
    // The secret itself is never part of the message.
    expect(`${error?.message} ${error?.hint}`).not.toContain(key.OPENAI_API_KEY);
  });
});

describe('endpointRefusal: link-local and metadata addresses', () => {
  const metadata = [
    'http://169.254.169.254/latest',
    'http://169.254.1.1:8080',
    'http://[fd00:ec2::254]/',
    'http://[fe80::1]:11434',
    'http://[::ffff:169.254.169.254]/',
    'http://metadata.google.internal/',
  ];
  it.each(metadata)('refuses %s for a provider without credentials too', (host) => {
    const error = refusal(ollama, host);
    expect(SpecValidationError.isInstance(error)).toBe(true);
    expect(error?.hint).toContain('--allow-private-network');
  });

  it('refuses a metadata endpoint from the environment as a usage error', () => {
    const error = refusal(ollama, undefined, { env: { OLLAMA_HOST: '169.254.169.254:80' } });
    expect(UsageError.isInstance(error)).toBe(true);
    expect(error?.message).toContain('OLLAMA_HOST');
  });

  it('keeps loopback and private addresses open to providers (local model servers are normal)', () => {
    for (const host of ['http://127.0.0.1:11434', 'http://192.168.1.20:11434', 'http://[fd12::5]:8000']) {
      expect(refusal(ollama, host)).toBeUndefined();
    }
  });
});
