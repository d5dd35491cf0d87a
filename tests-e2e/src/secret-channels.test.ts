import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type LoopbackServer, reply } from '@strands-cli/test-servers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  filesUnder,
  prepareSpec,
  providerTarget,
  runDocument,
  runPrepared,
  type SpecDocument,
} from './reliability-harness.js';

/** The one marker every channel must show where a secret was. */
const marker = '[REDACTED]';

/** One secret of each kind a run knows, and the variable it comes from (if any). */
const secrets = {
  /** A variable whose name looks like a credential, not declared in the spec. */
  session: 'session-e2e-abcdefghij',
  /** An `env.secrets` value whose variable name looks like nothing. */
  declared: 'declared-e2e-secret-5151',
  /** A literal `X-Api-Key` header value of an HTTP executor. */
  header: 'header-e2e-key-6262',
  /** An `env.secrets` value with characters that JSON escapes. */
  special: 'pa"ss\\word-e2e-7373',
  /** The provider's API key. */
  apiKey: 'sk-e2e-channels-8888',
};

const env = {
  MY_SESSION: secrets.session,
  WEATHER_NOTE: secrets.declared,
  DB_LOGIN: secrets.special,
  OPENAI_API_KEY: secrets.apiKey,
};

/** Every spelling a secret can take in output: as is, JSON-escaped, URL-encoded, base64, Basic auth. */
function spellings(secret: string): string[] {
  return [
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    Buffer.from(secret).toString('base64'),
    Buffer.from(`user:${secret}`).toString('base64'),
  ];
}

const allSpellings = Object.values(secrets).flatMap(spellings);

/** What the scripted model says: every secret in every spelling, one word each (one stream chunk each). */
const answer = `Here they are: ${allSpellings.join(' ')} done`;

const withSecrets = (spec: SpecDocument): void => {
  spec.env = {
    secrets: [
      { source: 'env', key: 'WEATHER_NOTE' },
      { source: 'env', key: 'DB_LOGIN' },
    ],
  };
  spec.tools = {
    http_executors: [
      { id: 'notes_api', base_url: 'http://127.0.0.1:9', headers: { 'X-Api-Key': secrets.header } },
    ],
  };
  // Artifacts hold what the model wrote, by design; this test is about what the command emits.
  delete spec.outputs;
};

describe('every output channel hides the same secrets with the same marker', () => {
  const target = providerTarget('openai');
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await target.start();
  });
  afterEach(() => server.close());

  /** Fails naming the channel and the spelling when any spelling of any secret is in `text`. */
  const expectHidden = (channel: string, text: string): void => {
    for (const spelling of allSpellings) expect(text, `${channel} shows ${spelling}`).not.toContain(spelling);
    expect(text, `${channel} shows the marker`).toContain(marker);
  };

  it('stdout, stderr (stream and --debug), --json, the --record cassette, errors and error reports', async () => {
    const prepared = await prepareSpec('one-step', target, withSecrets);

    // The result on stdout, the streamed text and --debug lines on stderr, and the cassette.
    server.enqueue(reply.text(answer));
    const recorded = await runPrepared(prepared, target, server, {
      env,
      flags: ['--stream', '--debug', '--record', 'run.cassette.json'],
    });
    expect(recorded.code, recorded.stderr).toBe(0);
    expectHidden('stdout', recorded.stdout);
    expectHidden('stderr', recorded.stderr);
    expect(recorded.stdout).toContain(`Here they are: ${marker}`);
    const cassette = await readFile(join(prepared.dir, 'run.cassette.json'), 'utf8');
    expectHidden('cassette', cassette);
    // The key did go where it belongs: only what strands emits is redacted.
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${secrets.apiKey}`);

    // The --json document, with --debug on stderr.
    server.enqueue(reply.text(answer));
    const json = await runPrepared(prepared, target, server, { env, flags: ['--json', '--debug'] });
    expect(json.code, json.stderr).toBe(0);
    expectHidden('--json stdout', json.stdout);
    expect(runDocument(json).response).toContain(`Here they are: ${marker}`);

    // A provider error that echoes them: the message on stderr and in the --json failure document.
    server.enqueue(reply.error(400, { message: `rejected: ${allSpellings.join(' ')}` }));
    const failed = await runPrepared(prepared, target, server, { env, flags: ['--json'] });
    expect(failed.code).toBe(10);
    expectHidden('error on stderr', failed.stderr);
    expect(runDocument(failed).error?.message).toContain(`rejected: ${marker}`);

    // The unsupported-feature report (an error artifact) and its message.
    const unsupported = await prepareSpec('one-step', target, (spec) => {
      withSecrets(spec);
      spec.security = { guardrails: { deny_network: true } };
    });
    const refused = await runPrepared(unsupported, target, server, { env, flags: ['--json'] });
    expect(refused.code).toBe(18);
    const [report] = await filesUnder(unsupported.out);
    const reportText = await readFile(join(unsupported.out, report as string), 'utf8');
    for (const spelling of allSpellings) {
      expect(refused.stdout + refused.stderr + reportText).not.toContain(spelling);
    }
  });
});
