import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type LoopbackServer, reply } from '@strands-cli/test-servers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  filesUnder,
  prepareSpec,
  providerTargets,
  runPrepared,
  type SpecDocument,
} from './reliability-harness.js';

/** A secret of `env.secrets`, set in the environment of every run here. */
const token = 'tok-reliability-SECRET-7777';

const withSecret = (spec: SpecDocument): void => {
  spec.env = { secrets: [{ source: 'env', key: 'RELIABILITY_TOKEN' }] };
};

describe.each(providerTargets)('secrets on $id never reach logs, --json or error messages', (target) => {
  const secrets = [token, ...Object.values(target.secretEnv)];
  const env = { RELIABILITY_TOKEN: token, ...target.secretEnv };
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await target.start();
  });
  afterEach(() => server.close());

  const expectNoSecret = (output: string): void => {
    for (const secret of secrets) expect(output).not.toContain(secret);
  };

  it.each([[[]], [['--json']], [['--verbose']], [['--debug']]])(
    'a provider error that echoes them is redacted (%j)',
    async (flags) => {
      const echo = `rejected: key ${secrets.join(' and ')} is not allowed`;
      // A retried failure first (its retry line is logged), then the fatal one.
      server.enqueue(reply.error(503, { message: echo }), reply.error(400, { message: echo }));
      const prepared = await prepareSpec('one-step', target, (spec) => {
        withSecret(spec);
        spec.runtime.failure_policy = { retries: 1, backoff: 'constant', wait_min: 0 };
      });
      const run = await runPrepared(prepared, target, server, { flags, env });
      expect(run.code).toBe(10);
      expectNoSecret(run.stdout + run.stderr);
      expect(run.stdout + run.stderr).toContain('[REDACTED]');
      if (flags.includes('--json')) {
        expect(JSON.parse(run.stdout).error.message).toMatch(/rejected: key \[REDACTED\]/);
      }
      // The credential went where it belongs: the request (a provider that signs with it has no header).
      if (target.credentialHeader) {
        const [name, value] = target.credentialHeader(target.secretEnv);
        expect(server.requests[0]?.headers[name]).toBe(value);
      }
      expect(await filesUnder(prepared.out)).toEqual([]);
    },
  );

  it('a model answer that repeats them is redacted on stdout and in --json', async () => {
    server.enqueue(reply.text(`the token is ${secrets.join(', ')}`));
    const prepared = await prepareSpec('one-step', target, withSecret);
    const plain = await runPrepared(prepared, target, server, { env, flags: ['--force'] });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('the token is [REDACTED]');
    server.enqueue(reply.text(`the token is ${secrets.join(', ')}`));
    const json = await runPrepared(prepared, target, server, {
      env,
      flags: ['--json', '--force', '--debug'],
    });
    expect(json.code).toBe(0);
    expectNoSecret(plain.stdout + plain.stderr + json.stdout + json.stderr);
  });

  it('a secret the model streams in pieces is redacted in the live text of --stream', async () => {
    // The servers stream one word per chunk, so a secret with spaces arrives split across chunks.
    const spaced = 'tok split across SECRET-5151';
    server.enqueue(reply.text(`the phrase is ${spaced} and nothing else`));
    const prepared = await prepareSpec('one-step', target, withSecret);
    const run = await runPrepared(prepared, target, server, {
      env: { ...env, RELIABILITY_TOKEN: spaced },
      flags: ['--stream', '--force'],
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('the phrase is [REDACTED] and nothing else');
    expect(run.stdout + run.stderr).not.toMatch(/split across|SECRET-5151/);
  });

  it('the unsupported-feature report and its message carry no secret', async () => {
    const prepared = await prepareSpec('one-step', target, (spec) => {
      withSecret(spec);
      spec.security = { guardrails: { deny_network: true } };
    });
    const run = await runPrepared(prepared, target, server, { env, flags: ['--json'] });
    expect(run.code).toBe(18);
    const [report] = await filesUnder(prepared.out);
    expect(report).toBe('reliability-one-step-unsupported.md');
    expectNoSecret(run.stdout + run.stderr + (await readFile(join(prepared.out, report as string), 'utf8')));
    expect(server.requests).toHaveLength(0);
  });
});
