import { describe, expect, it } from 'vitest';
import { collectSecretValues } from './run-secrets.js';
import {
  isSecretVariableName,
  minimumDeclaredSecretLength,
  minimumSecretLength,
  secretValuesFromEnv,
} from './secret-policy.js';
import { createSecretRedactor } from './secret-redactor.js';

describe('isSecretVariableName', () => {
  it('knows credential-like names, MY_SESSION included, and not a git author', () => {
    for (const name of [
      'OPENAI_API_KEY',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
      'MY_SESSION',
      'DB_PASSWORD',
      'GITHUB_TOKEN',
      'BASIC_AUTH',
      'SSH_PASSPHRASE',
      'GOOGLE_APPLICATION_CREDENTIALS',
    ]) {
      expect(isSecretVariableName(name), name).toBe(true);
    }
    for (const name of [
      'PATH',
      'HOME',
      'GIT_AUTHOR_NAME',
      'TRACE_ID',
      'OLLAMA_HOST',
      'STRANDS_SESSIONS_DIR',
    ]) {
      expect(isSecretVariableName(name), name).toBe(false);
    }
  });
});

describe('secretValuesFromEnv', () => {
  it('takes values of secret names (and extra names) that are long enough', () => {
    const values = secretValuesFromEnv(
      {
        MY_SESSION: 'abcdefghij',
        GITHUB_TOKEN: 'ghp_abcdef123',
        DESKTOP_SESSION: 'ubuntu',
        DEBUG_KEY: '1',
        PATH: '/usr/bin:/bin',
        MY_CRED: 'hunter22',
      },
      ['MY_CRED'],
    );
    expect(values.sort()).toEqual(['abcdefghij', 'ghp_abcdef123', 'hunter22']);
    expect('ubuntu'.length).toBeLessThan(minimumSecretLength);
  });
});

describe('declared secrets', () => {
  it('are redacted from 4 characters on, while name-discovered values need 8', () => {
    expect(minimumDeclaredSecretLength).toBe(4);
    const spec = {
      env: { secrets: [{ name: 'PIN', source: 'env', key: 'MY_PIN' }] },
      tools: {
        http_executors: [{ id: 'api', base_url: 'https://api.example', headers: { 'X-Api-Key': 'k9z2' } }],
      },
    } as unknown as Parameters<typeof collectSecretValues>[0];
    const values = collectSecretValues(spec, { MY_PIN: '4711', DESKTOP_SESSION: 'ubuntu', SHORT_KEY: 'abc' });
    const redact = createSecretRedactor(values).text;
    expect(redact('pin 4711, key k9z2, desktop ubuntu')).toBe(
      'pin [REDACTED], key [REDACTED], desktop ubuntu',
    );
    // Three characters stay below every floor: replacing them would garble text.
    expect(createSecretRedactor(['abc']).text('abc')).toBe('abc');
  });
});
