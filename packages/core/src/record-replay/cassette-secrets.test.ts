import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { REDACTED } from '../secrets/secret-policy.js';
import type { ModelRequestV1 } from '../spec/v1/model-provider-v1.js';
import { scriptedProvider, textTurn } from './__fixtures__/scripted-provider.js';
import { readCassette } from './cassette-file.js';
import { createRecorder } from './recorder.js';
import { createReplayer } from './replayer.js';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'strands-cassette-secrets-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

const apiKey = 'sk-test-0123456789abcdef';
const bearer = `Bearer ${apiKey}-header`;
const awsSecret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const sessionToken = 'FwoGZXIvYXdzEJr//////////wEaDEXAMPLE';

it('never writes an API key, an Authorization header value or an env secret, and still replays', async () => {
  const env = {
    OPENAI_API_KEY: apiKey,
    AWS_SECRET_ACCESS_KEY: awsSecret,
    AWS_SESSION_TOKEN: sessionToken,
    HOME: '/home/someone',
  };
  // The model echoes a secret that reached it through a tool result.
  const live = scriptedProvider('openai', () => textTurn(`The token was ${sessionToken}.`));
  const recorder = createRecorder({ secrets: [bearer], env });
  const recording = recorder.wrap(live, { providerId: 'openai' });
  // Fields outside the contract that a careless caller might attach to a request.
  const request = {
    modelId: 'gpt-test',
    messages: [
      { role: 'user', content: 'Call the tool.' },
      {
        role: 'tool',
        results: [{ toolCallId: 'c1', toolName: 'env', content: `token=${sessionToken}`, isError: false }],
      },
    ],
    headers: { Authorization: bearer, 'x-api-key': apiKey },
    apiKey,
    endpoint: `https://user:${awsSecret}@example.invalid/v1`,
    signal: new AbortController().signal,
  } as ModelRequestV1;
  await recording.generate(request);
  const file = join(directory, 'secrets.cassette.json');
  await recorder.save(file);

  const text = await readFile(file, 'utf8');
  for (const secret of [apiKey, bearer, awsSecret, sessionToken]) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/authorization|x-api-key|endpoint|signal/i);
  expect(text).toContain(`token=${REDACTED}`);
  expect(text).toContain(`The token was ${REDACTED}.`);

  // The key was computed before redaction, so the same live request still finds its answer.
  const replayed = await createReplayer(await readCassette(file))
    .provider('openai')
    .generate(request);
  expect(replayed.text).toBe(`The token was ${REDACTED}.`);
});
