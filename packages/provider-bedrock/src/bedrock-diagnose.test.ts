import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diagnoseBedrock } from './bedrock-diagnose.js';

// These tests are about the answers, not speed: the first diagnosis also loads the vendor SDK, which
// takes seconds on a loaded CI machine, so the deadline only has to stop a hung test.
const answerDeadlineMs = 25_000;

// The AWS SDK reads its config files and the instance metadata service itself: point it at nothing,
// so the checks depend only on the settings given (and never leave loopback).
const isolated = {
  AWS_CONFIG_FILE: '/nonexistent/aws-config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_REGION: undefined,
  AWS_DEFAULT_REGION: undefined,
  AWS_ACCESS_KEY_ID: undefined,
  AWS_SECRET_ACCESS_KEY: undefined,
  AWS_SESSION_TOKEN: undefined,
  AWS_PROFILE: undefined,
  AWS_BEARER_TOKEN_BEDROCK: undefined,
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
  AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined,
  AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
};

describe('diagnoseBedrock', () => {
  const saved: Record<string, string | undefined> = {};
  beforeEach(() => {
    for (const [name, value] of Object.entries(isolated)) {
      saved[name] = process.env[name];
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('passes with a region and static credentials, showing only the key prefix', async () => {
    const results = await diagnoseBedrock(
      { region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } },
      AbortSignal.timeout(answerDeadlineMs),
    );
    expect(results).toEqual([
      { check: 'bedrock: region', ok: true, detail: 'us-east-1' },
      { check: 'bedrock: credentials', ok: true, detail: expect.stringMatching(/AKID…/) },
    ]);
    expect(JSON.stringify(results)).not.toContain('secret');
  });

  it('accepts a Bedrock API key', async () => {
    const [, credentials] = await diagnoseBedrock(
      { region: 'us-east-1', bearerToken: 'br' },
      AbortSignal.timeout(answerDeadlineMs),
    );
    expect(credentials).toMatchObject({
      ok: true,
      detail: expect.stringMatching(/AWS_BEARER_TOKEN_BEDROCK/),
    });
  });

  it('fails with fixes when neither a region nor credentials can be found', async () => {
    const [region, credentials] = await diagnoseBedrock({}, AbortSignal.timeout(answerDeadlineMs));
    expect(region).toMatchObject({ ok: false, detail: expect.stringMatching(/AWS_REGION/) });
    expect(credentials).toMatchObject({ ok: false, detail: expect.stringMatching(/AWS_ACCESS_KEY_ID/) });
  });
});
