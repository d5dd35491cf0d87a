import { describe, expect, it } from 'vitest';
import { isSecretVariableName, minimumSecretLength, secretValuesFromEnv } from './secret-policy.js';

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
    for (const name of ['PATH', 'HOME', 'GIT_AUTHOR_NAME', 'TRACE_ID', 'OLLAMA_HOST']) {
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
