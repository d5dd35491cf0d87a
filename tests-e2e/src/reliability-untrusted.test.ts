import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { type LoopbackServer, reply } from '@strands-cli/test-servers';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { runCliListingModules } from '@strands-cli/test-servers/startup-probe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { prepareSpec, providerTarget, runPrepared, type SpecDocument } from './reliability-harness.js';

// A spec or a model answer someone else wrote must not hang the process, eat the machine or reach
// places it should not. These guards do not depend on the provider: one is enough.
const openai = providerTarget('openai');

type Steps = Array<Record<string, unknown>>;
const steps = (spec: SpecDocument): Steps => (spec.pattern as { config: { steps: Steps } }).config.steps;
/** Gives the one agent of `one-step` the native tools. */
const withTools = (spec: SpecDocument): void => {
  (spec.agents as { solo: Record<string, unknown> }).solo.tools = ['file_read', 'calculator', 'http_request'];
};
const catastrophic = '^(a+)+$';
const re2jsModules = (modules: readonly string[]) => modules.filter((module) => module.includes('/re2js/'));

let server: LoopbackServer;
beforeAll(async () => {
  server = await openai.start();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

/** Everything the model server received in request `index`, as text. */
const sentToModel = (index: number): string => JSON.stringify(server.requests[index] ?? null);

describe('regex_search on hostile patterns and answers, through the built CLI', () => {
  it('applies a catastrophic-backtracking pattern to a model answer in bounded time (exit 0)', async () => {
    const prepared = await prepareSpec('one-step', openai, (spec) => {
      steps(spec).push({
        agent: 'solo',
        input: `[{{ steps[0].response | regex_search("${catastrophic}") }}]`,
      });
    });
    server.enqueue(reply.text(`${'a'.repeat(40)}!`));
    // Before the linear-time engine this run never ended: not at max_duration_s, not on a signal.
    const run = await runPrepared(prepared, openai, server, { flags: ['--json'] });
    expect(run.code).toBe(0);
    expect(server.requests).toHaveLength(2);
    expect(sentToModel(1)).toContain('[]');
  });

  it('validate renders the pathological template and returns', async () => {
    const prepared = await prepareSpec('one-step', openai, (spec) => {
      steps(spec)[0] = { agent: 'solo', input: `{{ ("a"*30 ~ "!") | regex_search("${catastrophic}") }}` };
    });
    const run = await runCli(['validate', prepared.spec], { cwd: prepared.dir, timeoutMs: 20_000 });
    expect(run.code).toBe(0);
  });

  it('refuses a backreference with a located template error before any model call (exit 10)', async () => {
    const prepared = await prepareSpec('one-step', openai, (spec) => {
      steps(spec)[0] = { agent: 'solo', input: `{{ topic | regex_search("(a)\\\\1") }}` };
    });
    const run = await runPrepared(prepared, openai, server);
    expect(run.code).toBe(10);
    expect(run.stderr).toMatch(
      /\/pattern\/config\/steps\/0\/input: regex_search pattern .* is not supported/,
    );
    expect(run.stderr).toMatch(/backreferences .* lookaround/);
    expect(server.requests).toHaveLength(0);
  });

  it('loads the regex engine only for a template that uses regex_search (import cost)', async () => {
    // A filter makes the render go through the template engine (plain substitutions never load it).
    const plain = await prepareSpec('one-step', openai, (spec) => {
      steps(spec)[0] = { agent: 'solo', input: '{{ topic | upper }}' };
    });
    const without = await runCliListingModules(['run', plain.spec, '--out', plain.out], {
      cwd: plain.dir,
      env: openai.env(server),
    });
    expect(without.code).toBe(0);
    expect(without.modules.some((module) => module.includes('/minijinja-js/'))).toBe(true);
    expect(re2jsModules(without.modules)).toEqual([]);
    const prepared = await prepareSpec('one-step', openai, (spec) => {
      steps(spec)[0] = { agent: 'solo', input: '{{ topic | regex_search("k(e)lp") }}' };
    });
    const using = await runCliListingModules(['run', prepared.spec, '--out', prepared.out], {
      cwd: prepared.dir,
      env: openai.env(server),
    });
    expect(using.code).toBe(0);
    expect(re2jsModules(using.modules).length).toBeGreaterThan(0);
  });
});

describe('files that are not regular files, through the built CLI', () => {
  it('file_read on a named pipe is a tool error the model reads, and the run ends (exit 0)', async () => {
    const prepared = await prepareSpec('one-step', openai, withTools);
    execFileSync('mkfifo', [join(prepared.dir, 'pipe')]);
    server.enqueue(reply.toolCalls([{ name: 'file_read', input: { path: 'pipe' } }]));
    const run = await runPrepared(prepared, openai, server);
    expect(run.code).toBe(0);
    expect(sentToModel(1)).toContain('pipe is a named pipe (FIFO), not a regular file');
  });

  it.each([
    ['a named pipe', 'fifo', /it is a named pipe \(FIFO\), not a regular file/],
    ['/dev/urandom', '/dev/urandom', /it is a character device, not a regular file/],
  ])('--replay of %s is refused at once (exit 12)', async (_, kind, message) => {
    const prepared = await prepareSpec('one-step', openai);
    const cassette = kind === 'fifo' ? join(prepared.dir, 'cassette.json') : kind;
    if (kind === 'fifo') execFileSync('mkfifo', [cassette]);
    const run = await runPrepared(prepared, openai, server, { flags: ['--replay', cassette] });
    expect(run.code).toBe(12);
    expect(run.stderr).toMatch(message);
    expect(server.requests).toHaveLength(0);
  });

  it('validate of a spec path that is a named pipe is refused at once (exit 3)', async () => {
    const prepared = await prepareSpec('one-step', openai);
    const fifo = join(prepared.dir, 'piped.yaml');
    execFileSync('mkfifo', [fifo]);
    const run = await runCli(['validate', fifo], { cwd: prepared.dir, timeoutMs: 20_000 });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('is not a file (it is a named pipe (FIFO))');
  });
});

describe('durations longer than a Node timer holds, through the built CLI', () => {
  it('max_duration_s: 3000000 is a located spec error, not a budget that fires at once (exit 3)', async () => {
    const prepared = await prepareSpec('one-step', openai, (spec) => {
      spec.runtime.budgets = { max_duration_s: 3_000_000 };
    });
    const run = await runPrepared(prepared, openai, server);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /workflow\.yaml:\d+:\d+ .*max_duration_s.* must be at most 2147483, found 3000000/,
    );
    expect(run.stderr).toContain('about 24.8 days');
    expect(server.requests).toHaveLength(0);
  });

  it('STRANDS_REQUEST_TIMEOUT_S=3000000 is a usage error (exit 2)', async () => {
    const prepared = await prepareSpec('one-step', openai);
    const run = await runPrepared(prepared, openai, server, {
      env: { STRANDS_REQUEST_TIMEOUT_S: '3000000' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('longer than timers allow (2147483 seconds)');
    expect(server.requests).toHaveLength(0);
  });
});

describe('native tools given hostile arguments by the model, through the built CLI', () => {
  it.each([
    ['192.0.2.1', 'TEST-NET-1'],
    ['198.51.100.7', 'TEST-NET-2'],
    ['203.0.113.9', 'TEST-NET-3'],
    ['192.88.99.1', '6to4 relay'],
    ['[2001:db8::1]', 'documentation'],
    ['[100::1]', 'discard-only'],
  ])('http_request to %s is refused (%s) without a connection attempt', async (host, reason) => {
    const prepared = await prepareSpec('one-step', openai, withTools);
    server.enqueue(
      reply.toolCalls([{ name: 'http_request', input: { url: `http://${host}/`, method: 'GET' } }]),
    );
    const run = await runPrepared(prepared, openai, server);
    expect(run.code).toBe(0);
    expect(sentToModel(1)).toContain('Refused to connect to');
    expect(sentToModel(1)).toContain(reason);
  });

  it.each(['constructor(1)', 'toString(1)', '__proto__'])(
    'the calculator treats %s as an unknown name',
    async (expression) => {
      const prepared = await prepareSpec('one-step', openai, withTools);
      server.enqueue(reply.toolCalls([{ name: 'calculator', input: { expression } }]));
      const run = await runPrepared(prepared, openai, server);
      expect(run.code).toBe(0);
      expect(sentToModel(1)).toMatch(/Unknown (function|name)/);
    },
  );
});
