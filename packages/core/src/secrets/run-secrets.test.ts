// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${NAME} header placeholders are part of these specs.
import { describe, expect, it } from 'vitest';
import type { WorkflowSpec } from '../spec-file/schema/workflow-spec.js';
import { githubSecretsSpec as spec } from './__fixtures__/github-secrets-spec.js';
import { collectSecretValues } from './run-secrets.js';

describe('collectSecretValues', () => {
  it('collects secret values, resolved credential headers and credential-named variables', () => {
    const values = collectSecretValues(spec, {
      MY_GITHUB_PAT: 'ghp_secret123',
      WEATHER_KEY: 'wk-999',
      TRACE_ID: 'trace-not-secret',
      OPENAI_API_KEY: 'sk-test-abcdefgh',
      SHORT_TOKEN: 'yes',
      HOME: '/home/user',
    });
    expect(values).toEqual(
      expect.arrayContaining([
        'ghp_secret123',
        'wk-999',
        'Bearer ghp_secret123',
        'literal-key-123',
        'sk-test-abcdefgh',
      ]),
    );
    // X-Trace is not a credential header, but its placeholder value came from the environment.
    expect(values).toContain('trace-not-secret');
    expect(values).not.toContain('yes');
    expect(values).not.toContain('/home/user');
  });

  it('does not treat a bare auth scheme as a secret when the token is unset', () => {
    expect(collectSecretValues(spec, {})).not.toContain('Bearer');
  });

  it('adds the decoded user:password of a Basic header, and the password alone', () => {
    const basic = {
      tools: {
        http_executors: [
          {
            id: 'db',
            base_url: 'https://db.example',
            headers: { Authorization: `Basic ${Buffer.from('admin:hunter2-long').toString('base64')}` },
          },
        ],
      },
    } as unknown as WorkflowSpec;
    expect(collectSecretValues(basic, {})).toEqual(
      expect.arrayContaining(['admin:hunter2-long', 'hunter2-long']),
    );
  });

  it('reads secret-looking variable names with the one policy (MY_SESSION included)', () => {
    expect(collectSecretValues({} as WorkflowSpec, { MY_SESSION: 'abcdefghij' })).toEqual(['abcdefghij']);
  });
});
