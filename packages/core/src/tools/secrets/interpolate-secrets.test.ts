// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${NAME} header placeholders are the subject of these tests.
import { describe, expect, it } from 'vitest';
import { githubSecretsSpec as spec } from '../../secrets/__fixtures__/github-secrets-spec.js';
import { interpolateSecrets, secretVariableMap } from './interpolate-secrets.js';

describe('interpolateSecrets', () => {
  const variables = secretVariableMap(spec);

  it('reads a secret by its name, or by its key when it has no name', () => {
    const env = { MY_GITHUB_PAT: 'ghp_secret123', WEATHER_KEY: 'wk-999' };
    expect(interpolateSecrets('Bearer ${GITHUB_TOKEN}', variables, env)).toEqual({
      value: 'Bearer ghp_secret123',
      secrets: ['ghp_secret123'],
      missing: [],
    });
    expect(interpolateSecrets('${WEATHER_KEY}', variables, env).value).toBe('wk-999');
  });

  it('falls back to the environment variable of the same name, and to empty when unset', () => {
    expect(interpolateSecrets('id=${TRACE_ID}', variables, { TRACE_ID: 't-1' }).value).toBe('id=t-1');
    expect(interpolateSecrets('a${NOPE}b', variables, {})).toEqual({
      value: 'ab',
      secrets: [],
      missing: ['NOPE'],
    });
  });

  it('only maps secrets whose source is env', () => {
    expect(variables.has('FROM_SSM')).toBe(false);
  });
});
