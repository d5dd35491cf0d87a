import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type OpenAIServer,
  type RouteServer,
  reply,
  startDuckDuckGoServer,
  startOpenAIServer,
  startTavilyServer,
  startWebPageServer,
} from '@strands-cli/test-servers';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

let model: OpenAIServer;
const servers: RouteServer[] = [];
const directories: string[] = [];
beforeEach(async () => {
  model = await startOpenAIServer();
});
afterEach(async () => {
  await model.close();
  for (const server of servers.splice(0)) await server.close();
  for (const directory of directories.splice(0)) await rm(directory, { recursive: true, force: true });
});

const tavilyKey = 'tvly-e2e-secret-0123456789';

async function track<T extends RouteServer>(server: Promise<T>): Promise<T> {
  const started = await server;
  servers.push(started);
  return started;
}

/** What the model server received in request `index`, as text. */
const sentToModel = (index: number) => JSON.stringify(model.requests[index]?.body ?? null);

/** A working directory with `spec.yaml`: one agent with `tools`, one step. */
async function workspace(tools: readonly string[]): Promise<{ directory: string; file: string }> {
  const directory = await realpath(await mkdtemp(join(tmpdir(), 'strands-web-tools-')));
  directories.push(directory);
  const file = join(directory, 'spec.yaml');
  await writeFile(
    file,
    [
      'version: 0',
      'name: web-tools',
      'runtime: { provider: openai, model_id: gpt-test }',
      'agents:',
      `  researcher: { prompt: You research., tools: [${tools.join(', ')}] }`,
      'pattern:',
      '  type: chain',
      '  config:',
      '    steps:',
      '      - agent: researcher',
      '        input: Research tides.',
    ].join('\n'),
  );
  return { directory, file };
}

const env = (extra: Record<string, string> = {}) => ({
  OPENAI_API_KEY: 'sk-e2e',
  OPENAI_BASE_URL: model.baseURL,
  ...extra,
});

const articlePage = `<!doctype html><html><head><title>Tide tables</title></head><body>
<nav><a href="/">Home</a></nav><article><h1>Tide tables</h1>
<p>Tides rise and fall twice a day along most coasts, driven by the pull of the moon and the sun on the oceans.</p>
<p>The <a href="/guide">harmonic guide</a> lists the constants used for predictions at several ports and harbours.</p>
</article><footer>footer links</footer></body></html>`;

describe('web_fetch through the CLI', () => {
  it('gives the model the main content of a page as markdown, with the opt-in', async () => {
    const site = await track(
      startWebPageServer({
        '/tides': { contentType: 'text/html; charset=utf-8', body: articlePage },
        '/latin': {
          contentType: 'text/html; charset=iso-8859-1',
          body: Buffer.from('<p>Café à Genève</p>', 'latin1'),
        },
        '/huge': { contentType: 'text/plain', body: 'y'.repeat(6 * 1024 * 1024) },
      }),
    );
    const { directory, file } = await workspace(['web_fetch']);
    model.enqueue(
      reply.toolCalls([
        { name: 'web_fetch', input: { url: `${site.origin}/tides`, mode: 'markdown' } },
        { name: 'web_fetch', input: { url: `${site.origin}/latin`, mode: 'markdown' } },
        { name: 'web_fetch', input: { url: `${site.origin}/huge` } },
      ]),
    );
    const run = await runCli(['run', file, '--allow-private-network'], { cwd: directory, env: env() });
    expect(run.code, run.stderr).toBe(0);
    expect(site.requests.map((request) => request.path)).toEqual(['/tides', '/latin', '/huge']);
    const answer = sentToModel(1);
    expect(answer).toContain('\\"title\\":\\"Tide tables\\"');
    expect(answer).toContain('Tides rise and fall twice a day');
    expect(answer).toContain(`[harmonic guide](${site.origin}/guide)`);
    expect(answer).not.toContain('footer links');
    expect(answer).toContain('Café à Genève');
    expect(answer).toContain('[truncated: the content is longer than 65536 bytes');
    expect(answer.length).toBeLessThan(200_000);
  });

  it('refuses loopback and the cloud metadata address without the opt-in', async () => {
    const site = await track(
      startWebPageServer({ '/tides': { contentType: 'text/html', body: articlePage } }),
    );
    const { directory, file } = await workspace(['web_fetch']);
    model.enqueue(
      reply.toolCalls([
        { name: 'web_fetch', input: { url: `${site.origin}/tides` } },
        { name: 'web_fetch', input: { url: 'http://169.254.169.254/latest/meta-data/' } },
      ]),
    );
    const run = await runCli(['run', file], { cwd: directory, env: env() });
    expect(run.code, run.stderr).toBe(0);
    const answer = sentToModel(1);
    expect(answer).toContain('Refused to connect to 127.0.0.1');
    expect(answer).toContain('Refused to connect to 169.254.169.254');
    expect(answer).toContain('--allow-private-network');
    expect(site.requests).toHaveLength(0);
  });
});

describe('tavily_search through the CLI', () => {
  const results = [
    {
      title: 'Tides explained',
      url: 'https://tides.example/explained',
      content: 'Tides rise twice.',
      score: 0.97,
    },
    { title: 'Moon and sea', url: 'https://moon.example/', content: 'The moon pulls.', score: 0.81 },
  ];

  it('searches with TAVILY_API_KEY and hands Tavily JSON to the model, the key redacted everywhere', async () => {
    const tavily = await track(startTavilyServer({ apiKey: tavilyKey, results, answer: 'Twice a day.' }));
    const { directory, file } = await workspace(['tavily_search']);
    model.enqueue(
      reply.toolCalls([{ name: 'tavily_search', input: { query: 'tides', include_answer: true } }]),
    );
    const run = await runCli(['run', file, '--allow-private-network', '--json'], {
      cwd: directory,
      env: env({ TAVILY_API_KEY: tavilyKey, TAVILY_BASE_URL: tavily.origin }),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(tavily.requests).toHaveLength(1);
    expect(tavily.requests[0]?.headers.authorization).toBe(`Bearer ${tavilyKey}`);
    const answer = sentToModel(1);
    expect(answer).toContain('Tides explained');
    expect(answer).toContain('\\"score\\":0.97');
    expect(answer).toContain('Twice a day.');
    expect(`${run.stdout}${run.stderr}`).not.toContain(tavilyKey);
  });

  it('without the key: a warning before the run and a tool error naming TAVILY_API_KEY, no request', async () => {
    const tavily = await track(startTavilyServer({ apiKey: tavilyKey, results }));
    const { directory, file } = await workspace(['tavily_search']);
    model.enqueue(reply.toolCalls([{ name: 'tavily_search', input: { query: 'tides' } }]));
    const run = await runCli(['run', file, '--allow-private-network'], {
      cwd: directory,
      env: env({ TAVILY_BASE_URL: tavily.origin }),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Warning: tavily_search is used, but TAVILY_API_KEY is not set');
    expect(sentToModel(1)).toContain('TAVILY_API_KEY environment variable not set');
    expect(tavily.requests).toHaveLength(0);
  });
});

describe('duckduckgo_search through the CLI', () => {
  it('returns text and news results in strands-cli shapes', async () => {
    const ddg = await track(
      startDuckDuckGoServer({
        text: [{ title: 'Tide guide', url: 'https://tides.example/guide', snippet: 'How tides work.' }],
        news: [
          {
            title: 'King tide',
            url: 'https://news.example/king',
            snippet: 'A record tide.',
            date: '2026-12-01',
          },
        ],
      }),
    );
    const { directory, file } = await workspace(['duckduckgo_search']);
    model.enqueue(
      reply.toolCalls([
        { name: 'duckduckgo_search', input: { query: 'tides', region: 'uk-en' } },
        { name: 'duckduckgo_search', input: { query: 'tides', search_type: 'news', max_results: 5 } },
      ]),
    );
    const run = await runCli(['run', file, '--allow-private-network'], {
      cwd: directory,
      env: env({ DUCKDUCKGO_BASE_URL: ddg.origin }),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(ddg.requests).toHaveLength(2);
    expect(new URLSearchParams(ddg.requests[0]?.body).get('kl')).toBe('uk-en');
    const answer = sentToModel(1);
    expect(answer).toContain('\\"href\\":\\"https://tides.example/guide\\"');
    expect(answer).toContain('\\"body\\":\\"How tides work.\\"');
    expect(answer).toContain('\\"search_type\\":\\"news\\"');
    expect(answer).toContain('\\"date\\":\\"2026-12-01\\"');
    expect(answer).not.toContain('Sponsored');
  });
});

describe('web tools under record and replay', () => {
  it('a replay answers the tool calls from the cassette: no request reaches the fakes', async () => {
    const site = await track(
      startWebPageServer({ '/tides': { contentType: 'text/html', body: articlePage } }),
    );
    const tavily = await track(
      startTavilyServer({
        apiKey: tavilyKey,
        results: [{ title: 'T', url: 'https://t.example/', content: 'c', score: 1 }],
      }),
    );
    const ddg = await track(startDuckDuckGoServer({ text: [], news: [] }));
    const { directory, file } = await workspace(['web_fetch', 'tavily_search', 'duckduckgo_search']);
    model.enqueue(
      reply.toolCalls([
        { name: 'web_fetch', input: { url: `${site.origin}/tides`, mode: 'markdown' } },
        { name: 'tavily_search', input: { query: 'tides' } },
        { name: 'duckduckgo_search', input: { query: 'tides' } },
      ]),
    );
    const webEnv = env({
      TAVILY_API_KEY: tavilyKey,
      TAVILY_BASE_URL: tavily.origin,
      DUCKDUCKGO_BASE_URL: ddg.origin,
    });
    const recorded = await runCli(['run', file, '--allow-private-network', '--record', 'web.cassette.json'], {
      cwd: directory,
      env: webEnv,
    });
    expect(recorded.code, recorded.stderr).toBe(0);
    expect([site.requests.length, tavily.requests.length, ddg.requests.length]).toEqual([1, 1, 1]);
    const modelCalls = model.requests.length;
    const replayed = await runCli(
      ['run', file, '--allow-private-network', '--replay', 'web.cassette.json', '--out', 'replayed'],
      { cwd: directory, env: webEnv },
    );
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(replayed.stdout).toBe(recorded.stdout);
    expect([site.requests.length, tavily.requests.length, ddg.requests.length]).toEqual([1, 1, 1]);
    expect(model.requests.length).toBe(modelCalls);
  });
});
