import { readdir } from 'node:fs/promises';
import { closeClientPool, runWorkflow, UnsupportedFeatureError, UsageError } from '@strands-cli/core';
import { type LoopbackServer, reply } from '@strands-cli/test-servers';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  prepareSpec,
  providerTarget,
  providerTargets,
  runPrepared,
  writeSpecDocument,
} from './reliability-harness.js';

const openai = providerTarget('openai');

afterAll(async () => {
  await closeClientPool();
});

describe('option values, through the built CLI', () => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await openai.start();
  });
  afterEach(() => server.close());

  it('refuses --out -q (a flag where a value belongs) with exit 2, and creates no folder named -q', async () => {
    const prepared = await prepareSpec('one-step', openai);
    const run = await runCli(['run', prepared.spec, '--out', '-q'], {
      cwd: prepared.dir,
      env: openai.env(server),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("argument '-q' is invalid");
    expect(run.stderr).toContain('./-q');
    expect(await readdir(prepared.dir)).not.toContain('-q');
    expect(server.requests).toHaveLength(0);
  });

  it('refuses an empty --out with exit 2', async () => {
    const prepared = await prepareSpec('one-step', openai);
    const run = await runCli(['run', prepared.spec, '-o', ''], {
      cwd: prepared.dir,
      env: openai.env(server),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('It is empty');
    expect(server.requests).toHaveLength(0);
  });

  it('says "no cassette" with exit 2 for a --replay file that does not exist', async () => {
    const prepared = await prepareSpec('one-step', openai);
    const run = await runPrepared(prepared, openai, server, { flags: ['--replay', 'missing.cassette.json'] });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No cassette at');
    expect(run.stderr).toContain('missing.cassette.json');
    expect(server.requests).toHaveLength(0);
  });
});

describe('--help, through the built CLI', () => {
  it('shows real defaults and hides empty ones', async () => {
    const run = await runCli(['run', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('(default: "./artifacts")');
    expect(run.stdout).not.toContain('(default: [])');
    expect(run.stdout).toMatch(/--var <key=value> +set an input variable \(repeatable\)\n/);
  });
});

describe.each(providerTargets)('a server that hangs up on $id, through the built CLI', (target) => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await target.start();
  });
  afterEach(() => server.close());

  it('is reported as a closed connection, not as an unreachable server', async () => {
    server.enqueue(reply.reset(), reply.reset(), reply.reset());
    const run = await runPrepared(await prepareSpec('one-step', target), target, server);
    expect(run.code).toBe(10);
    expect(run.stderr).toContain(target.displayName);
    expect(run.stderr).toContain('closed the connection before answering');
    expect(run.stderr).not.toContain('Could not reach');
    expect(server.requests.length).toBeGreaterThan(0);
  });
});

describe('the library API (runWorkflow, in process)', () => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await openai.start();
  });
  afterEach(() => server.close());

  /** A one-step spec with typed inputs, written to a fresh folder. */
  async function typedSpec() {
    return writeSpecDocument({
      version: 1,
      name: 'typed-vars',
      runtime: { provider: 'openai', model_id: 'gpt-4o-mini' },
      inputs: {
        optional: {
          depth: { type: 'integer', default: 1 },
          draft: { type: 'boolean', default: false },
          tags: { type: 'array', default: [] },
        },
      },
      agents: { writer: { prompt: 'You write.' } },
      pattern: {
        type: 'chain',
        config: {
          steps: [
            { agent: 'writer', input: 'depth={{ depth + 1 }} draft={{ draft }} tags={{ tags | join(",") }}' },
          ],
        },
      },
    });
  }

  const cliPackage = new URL('../../packages/cli/', import.meta.url).pathname;

  it('takes vars of any type, coerced as --var values are', async () => {
    const { spec, dir } = await typedSpec();
    const result = await runWorkflow(spec, {
      cwd: dir,
      env: openai.env(server),
      searchFrom: [cliPackage],
      vars: { depth: 2, draft: 'yes', tags: ['a', 'b'] },
    });
    expect(result.response).toContain('depth=3 draft=True tags=a,b');
  });

  it('rejects a var that does not fit its declared type before any request', async () => {
    const { spec, dir } = await typedSpec();
    const error = await runWorkflow(spec, {
      cwd: dir,
      env: openai.env(server),
      searchFrom: [cliPackage],
      vars: { depth: 2.5 },
    }).catch((caught: unknown) => caught);
    expect(UsageError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('`depth` is declared as integer');
    expect(server.requests).toHaveLength(0);
  });

  it('names the executor package a library user must install when it is missing', async () => {
    const { spec, dir } = await typedSpec();
    const error = await runWorkflow(spec, { cwd: dir, env: openai.env(server), searchFrom: [dir] }).catch(
      (caught: unknown) => caught,
    );
    expect(UnsupportedFeatureError.isInstance(error)).toBe(true);
    expect((error as UnsupportedFeatureError).exitCode).toBe(18);
    expect((error as Error).message).toContain('@strands-cli/executor-chain');
    expect((error as UnsupportedFeatureError).hint).toContain('install @strands-cli/executor-chain');
    expect(server.requests).toHaveLength(0);
  });
});
