import { afterEach, describe, expect, it } from 'vitest';
import { type LoopbackServer, startLoopbackServer } from '../../__fixtures__/loopback-server.js';
import { nativeContext, signal } from '../../__fixtures__/native-context.js';
import { GuardedHttpClient } from '../../network/guarded-http-client.js';
import { createDuckDuckGoSearchTool } from './duckduckgo-search.js';

let server: LoopbackServer | undefined;
let client: GuardedHttpClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
});

const resultsPage = `<html><body>
<div class="result results_links result--ad"><a class="result__a" href="https://ads.example/">Ad</a></div>
<div class="result results_links"><h2><a class="result__a" href="//duckduckgo.com/l/?uddg=https%3A%2F%2Ftides.example%2Fguide&rut=x">Tide <b>guide</b></a></h2>
<a class="result__url" href="#">tides.example</a><span class="result__timestamp">2026-11-30</span>
<a class="result__snippet">How tides <b>rise</b> and fall.</a></div>
<div class="result results_links"><a class="result__a" href="https://moon.example/">Moon</a><a class="result__snippet">The moon.</a></div>
<div class="result results_links"><a class="result__a" href="https://sun.example/">Sun</a></div>
</body></html>`;

function tool(baseUrl: string) {
  client = new GuardedHttpClient({ allowPrivate: true, connectTimeoutMs: 5_000 });
  const http = client;
  return createDuckDuckGoSearchTool(
    nativeContext({ httpClient: () => http, env: { DUCKDUCKGO_BASE_URL: baseUrl } }),
  );
}

async function serveResults(): Promise<LoopbackServer> {
  return startLoopbackServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(resultsPage);
  });
}

describe('duckduckgo_search', () => {
  it('POSTs the form to /html/ and returns text results as {title, href, body}, ads left out', async () => {
    server = await serveResults();
    const result = await tool(server.origin).call(
      { query: 'tides', max_results: 2, region: 'uk-en' },
      signal(),
    );
    expect(result.isError).toBeUndefined();
    expect(JSON.parse(result.content)).toEqual({
      query: 'tides',
      search_type: 'text',
      result_count: 2,
      results: [
        { title: 'Tide guide', href: 'https://tides.example/guide', body: 'How tides rise and fall.' },
        { title: 'Moon', href: 'https://moon.example/', body: 'The moon.' },
      ],
    });
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/html/' });
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      q: 'tides',
      kl: 'uk-en',
      kp: '-1',
    });
  });

  it('asks for news and returns {date, title, body, url, source}', async () => {
    server = await serveResults();
    const result = await tool(server.origin).call(
      { query: 'tides', search_type: 'news', max_results: 1, timelimit: 'w', safesearch: 'off' },
      signal(),
    );
    expect(JSON.parse(result.content)).toMatchObject({
      search_type: 'news',
      results: [
        {
          date: '2026-11-30',
          title: 'Tide guide',
          body: 'How tides rise and fall.',
          url: 'https://tides.example/guide',
          source: 'tides.example',
        },
      ],
    });
    const form = new URLSearchParams(server.requests[0]?.body);
    expect([form.get('iar'), form.get('df'), form.get('kp')]).toEqual(['news', 'w', '-2']);
  });

  it('reports a rate limit and bad arguments as tool errors', async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(202, { 'content-type': 'text/html' });
      response.end('<html></html>');
    });
    const search = tool(server.origin);
    expect((await search.call({ query: 'q' }, signal())).content).toContain('rate limited');
    expect((await search.call({ query: 'q', search_type: 'images' }, signal())).content).toContain(
      'Invalid search_type',
    );
    expect((await search.call({ query: 'q', max_results: 0 }, signal())).content).toContain(
      'between 1 and 50',
    );
  });
});
