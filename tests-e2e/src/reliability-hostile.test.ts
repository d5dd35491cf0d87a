import { mkdir, mkdtemp, symlink } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LoopbackServer, reply } from '@strands-cli/test-servers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  filesUnder,
  prepareSpec,
  providerTarget,
  runPrepared,
  type SpecDocument,
} from './reliability-harness.js';

// These guards do not depend on the provider: one is enough.
const openai = providerTarget('openai');

type Steps = Array<Record<string, unknown>>;
const steps = (spec: SpecDocument): Steps => (spec.pattern as { config: { steps: Steps } }).config.steps;
const artifact = (spec: SpecDocument): Record<string, unknown> =>
  (spec.outputs as { artifacts: Array<Record<string, unknown>> }).artifacts[0] as Record<string, unknown>;
const setTopic = (spec: SpecDocument, value: string): void => {
  const inputs = spec.inputs as { optional: { topic: { default: string } } };
  inputs.optional.topic.default = value;
};

let server: LoopbackServer;
beforeAll(async () => {
  server = await openai.start();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const nestedLoop = '{% for a in range(10000) %}{% for b in range(10000) %}x{% endfor %}{% endfor %}';

describe('hostile templates, through the built CLI', () => {
  it.each([
    ['escapes to the host', "{% include '/etc/passwd' %}", /template not found/],
    ['runs forever', nestedLoop, /template ran too long and was stopped/],
    ['produces 5 million characters', '{{ "x" * 5000000 }}', /template output exceeds 4194304 characters/],
    ['asks for ten billion characters', '{{ "xxxxxxxxxx" * 1000000000 }}', /template output is too large/],
  ])(
    'a step input that %s is refused before any model call (exit 10, located)',
    async (_, template, message) => {
      const prepared = await prepareSpec('one-step', openai, (spec) => {
        (steps(spec)[0] as Record<string, unknown>).input = template;
      });
      const run = await runPrepared(prepared, openai, server);
      expect(run.code).toBe(10);
      expect(run.stderr).toMatch(/workflow\.yaml:\d+:\d+ \/pattern\/config\/steps\/0\/input: /);
      expect(run.stderr).toMatch(message);
      expect(server.requests).toHaveLength(0);
      expect(await filesUnder(prepared.out)).toEqual([]);
    },
  );

  it('refuses a gigabyte template without the process growing past 1 GiB (the engine memory cap)', async () => {
    const prepared = await prepareSpec('one-step', openai, (spec) => {
      (steps(spec)[0] as Record<string, unknown>).input = '{{ "x" * 1000000000 }}';
    });
    // Prints the process's peak resident memory at exit (getrusage), in KiB.
    const peakRss =
      "process.on('exit', () => process.stderr.write('\\npeak-rss-kb:' + process.resourceUsage().maxRSS + '\\n'));";
    const run = await runPrepared(prepared, openai, server, {
      env: { NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent(peakRss)}` },
    });
    expect(run.code).toBe(10);
    expect(run.stderr).toMatch(/steps\/0\/input: template output is too large/);
    const peakKb = Number(/peak-rss-kb:(\d+)/.exec(run.stderr)?.[1]);
    expect(peakKb).toBeGreaterThan(0);
    expect(peakKb).toBeLessThan(1024 * 1024);
    expect(server.requests).toHaveLength(0);
  });

  it('cuts off a template that multiplies a model answer into tens of megabytes (exit 10)', async () => {
    const prepared = await prepareSpec('one-step', openai, (spec) => {
      steps(spec).push({ agent: 'solo', input: '{{ steps[0].response * 1000000 }}' });
    });
    const run = await runPrepared(prepared, openai, server);
    expect(run.code).toBe(10);
    expect(run.stderr).toMatch(/steps\/1\/input: template output exceeds/);
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    ['runs forever', nestedLoop, /template ran too long/],
    ['produces enormous output', '{{ last_response * 1000000 }}', /template output exceeds/],
  ])('an artifact template that %s writes nothing (exit 12)', async (_, template, message) => {
    const prepared = await prepareSpec('one-step', openai, (spec) => {
      artifact(spec).from = template;
    });
    const run = await runPrepared(prepared, openai, server);
    expect(run.code).toBe(12);
    expect(run.stderr).toMatch(message);
    expect(await filesUnder(prepared.out)).toEqual([]);
  });
});

describe('artifact paths that try to leave --out, through the built CLI', () => {
  // A literal path is a spec error (exit 3); one rendered from an input fails before any model call (12).
  it.each([
    ['an absolute path', '/tmp/strands-e2e-evil.md', 'kelp', /is absolute/, 3],
    ['a Windows drive', 'C:\\evil.md', 'kelp', /is absolute/, 3],
    ['a .. component', 'notes/../../evil.md', 'kelp', /leaves the output directory/, 3],
    ['a .. rendered from an input', '{{ topic }}/evil.md', '..', /leaves the output directory/, 12],
  ])('refuses %s and writes nothing anywhere', async (_, path, topic, message, code) => {
    const prepared = await prepareSpec('one-step', openai, (spec) => {
      artifact(spec).path = path;
      setTopic(spec, topic);
    });
    const run = await runPrepared(prepared, openai, server);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(await filesUnder(prepared.dir)).toEqual(['workflow.yaml']);
  });

  it('refuses a path through a symbolic link that points outside --out', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'strands-e2e-outside-'));
    const prepared = await prepareSpec('one-step', openai, (spec) => {
      artifact(spec).path = 'link/evil.md';
    });
    await mkdir(prepared.out);
    await symlink(outside, join(prepared.out, 'link'));
    const run = await runPrepared(prepared, openai, server);
    expect(run.code).toBe(12);
    expect(run.stderr).toMatch(/would land outside the output directory/);
    expect(await filesUnder(outside)).toEqual([]);
  });

  it('sanitises odd characters (spaces, tabs, bidi overrides, shell characters) inside --out', async () => {
    const prepared = await prepareSpec('one-step', openai, (spec) => {
      artifact(spec).path = '{{ topic }}.md';
      setTopic(spec, 'a b\u202ec\td<>|*?"');
    });
    const run = await runPrepared(prepared, openai, server);
    expect(run.code).toBe(0);
    expect(await filesUnder(prepared.out)).toEqual(['a_b_c_d_.md']);
  });
});

describe('HTTP tools and private addresses, through the built CLI', () => {
  let target: Server;
  let port: number;
  const hits: string[] = [];
  beforeAll(async () => {
    target = createServer((request, response) => {
      hits.push(request.url ?? '');
      const redirects: Record<string, string> = {
        '/to-file': 'file:///etc/passwd',
        '/to-credentials': `http://user:password@127.0.0.1:${port}/reached`,
      };
      const location = redirects[request.url ?? ''];
      if (location) response.writeHead(302, { location }).end();
      else response.end('reached');
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    port = (target.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => target.close(() => resolve())));
  beforeEach(() => {
    hits.length = 0;
  });

  async function fetchWithTool(url: string, flags: readonly string[] = []): Promise<string> {
    server.enqueue(reply.toolCalls([{ name: 'http_request', input: { url } }]), reply.text('done'));
    const prepared = await prepareSpec('one-step', openai, (spec) => {
      (spec.agents as Record<string, Record<string, unknown>>).solo = {
        prompt: 'You fetch URLs.',
        tools: ['http_request'],
      };
    });
    const run = await runPrepared(prepared, openai, server, { flags });
    expect(run.code).toBe(0);
    // What the model was told about the call: the tool result.
    return JSON.stringify(server.requests[1]?.body);
  }

  it.each([
    'http://localhost:PORT/',
    'http://localhost.:PORT/',
    'http://127.1:PORT/',
    'http://2130706433:PORT/',
    'http://0x7f.0.0.1:PORT/',
    'http://[::1]:PORT/',
    'http://[::ffff:127.0.0.1]:PORT/',
  ])('refuses %s without the opt-in, before connecting', async (spelling) => {
    const toolResult = await fetchWithTool(spelling.replace('PORT', String(port)));
    expect(toolResult).toMatch(
      /Refused to connect to \S+: a (loopback address|local or cloud metadata host name)/,
    );
    expect(toolResult).toContain('--allow-private-network');
    expect(hits).toEqual([]);
  });

  it.each([
    ['/to-file', /The server redirected to file:\/\/\/etc\/passwd\. refused file: URL/],
    [
      '/to-credentials',
      /The server redirected to http:\/\/user:password@.*refused a URL with a user name or password/,
    ],
  ])('checks a redirect (%s) like the first URL, even with the opt-in', async (path, refusal) => {
    const toolResult = await fetchWithTool(`http://127.0.0.1:${port}${path}`, ['--allow-private-network']);
    expect(toolResult).toMatch(refusal);
    expect(hits).toEqual([path]);
  });
});
