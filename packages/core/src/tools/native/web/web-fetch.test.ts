import { afterEach, describe, expect, it } from 'vitest';
import { type LoopbackServer, startLoopbackServer } from '../../__fixtures__/loopback-server.js';
import { nativeContext, signal } from '../../__fixtures__/native-context.js';
import { GuardedHttpClient } from '../../network/guarded-http-client.js';
import { defaultToolLimits, type ToolLimits } from '../native-tool-context.js';
import { createWebFetchTool } from './web-fetch.js';

let server: LoopbackServer | undefined;
let client: GuardedHttpClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
});

function tool(allowPrivate: boolean, limits: Partial<ToolLimits> = {}) {
  client = new GuardedHttpClient({ allowPrivate, connectTimeoutMs: 5_000 });
  const http = client;
  return createWebFetchTool(
    nativeContext({ httpClient: () => http, limits: { ...defaultToolLimits, ...limits } }),
  );
}

const article = `<!doctype html><html><head><title>Tide tables</title></head><body>
<nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>Tide tables</h1>
<p>Tides rise and fall twice a day along most coasts, driven by the pull of the moon and the sun on the oceans of the earth.</p>
<p>Read the <a href="/docs/tides">full guide</a> for the harmonic constants used in the predictions, with worked examples for several ports.</p>
</article><footer>© footer text</footer><script>alert(1)</script></body></html>`;

/** Serves `body` with `contentType` on every path. */
async function serve(body: Buffer | string, contentType: string | undefined): Promise<LoopbackServer> {
  return startLoopbackServer((_request, response) => {
    response.writeHead(200, contentType === undefined ? {} : { 'content-type': contentType });
    response.end(body);
  });
}

function parse(content: string): Record<string, unknown> {
  return JSON.parse(content) as Record<string, unknown>;
}

describe('web_fetch', () => {
  it('returns the main content of an HTML page as markdown, links made absolute', async () => {
    server = await serve(article, 'text/html; charset=utf-8');
    const result = await tool(true).call({ url: `${server.origin}/page`, mode: 'markdown' }, signal());
    expect(result.isError).toBeUndefined();
    const payload = parse(result.content);
    expect(payload).toMatchObject({ status: 200, url: `${server.origin}/page`, title: 'Tide tables' });
    expect(payload.markdown).toContain('Tides rise and fall twice a day');
    expect(payload.markdown).toContain(`[full guide](${server.origin}/docs/tides)`);
    expect(payload.markdown).not.toContain('alert(1)');
    expect(payload.markdown).not.toContain('footer text');
  });

  it('returns {status, url, headers, body} in html mode (the default)', async () => {
    server = await serve(article, 'text/html');
    const payload = parse((await tool(true).call({ url: `${server.origin}/` }, signal())).content);
    expect(payload.status).toBe(200);
    expect(payload.body).toBe(article);
    expect((payload.headers as Record<string, string>)['content-type']).toBe('text/html');
  });

  it('decodes the charset of the Content-Type header and of a <meta> declaration', async () => {
    const latin1 = Buffer.from('<html><body><p>Café crème à Genève</p></body></html>', 'latin1');
    server = await serve(latin1, 'text/html; charset=ISO-8859-1');
    const byHeader = parse((await tool(true).call({ url: `${server.origin}/` }, signal())).content);
    expect(byHeader.body).toContain('Café crème à Genève');
    await server.close();
    const withMeta = Buffer.from(
      '<html><head><meta charset="windows-1252"></head><body>Café</body></html>',
      'latin1',
    );
    server = await serve(withMeta, 'text/html');
    const byMeta = parse((await tool(true).call({ url: `${server.origin}/` }, signal())).content);
    expect(byMeta.body).toContain('Café');
  });

  it('converts a page fragment Readability finds no article in', async () => {
    server = await serve(Buffer.from('<p>Café <b>crème</b></p>', 'latin1'), 'text/html; charset=iso-8859-1');
    const payload = parse(
      (await tool(true).call({ url: `${server.origin}/`, mode: 'markdown' }, signal())).content,
    );
    expect(payload.markdown).toBe('Café **crème**');
  });

  it('returns plain text as it came, in markdown mode too', async () => {
    server = await serve('line one\nline two', 'text/plain');
    const payload = parse(
      (await tool(true).call({ url: `${server.origin}/a.txt`, mode: 'markdown' }, signal())).content,
    );
    expect(payload.markdown).toBe('line one\nline two');
  });

  it('refuses binary content with the reason', async () => {
    server = await serve(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), 'image/png');
    const result = await tool(true).call({ url: `${server.origin}/logo.png` }, signal());
    expect(result).toMatchObject({
      isError: true,
      content: expect.stringContaining('binary content (image/png'),
    });
  });

  it('stops reading at the body limit and caps what the model sees, with notes', async () => {
    server = await serve('x'.repeat(10_000), 'text/plain');
    const read = parse(
      (await tool(true, { webFetchBodyBytes: 4_000 }).call({ url: `${server.origin}/` }, signal())).content,
    );
    expect(read.body).toMatch(/^x{4000}\n\[truncated: the page is longer than 4000 bytes/);
    await client?.close();
    const capped = parse(
      (await tool(true, { webOutputBytes: 1_000 }).call({ url: `${server.origin}/` }, signal())).content,
    );
    expect(capped.body).toMatch(/^x{1000}\n\[truncated: the content is longer than 1000 bytes/);
  });

  it('refuses loopback and cloud metadata addresses without the opt-in', async () => {
    server = await serve(article, 'text/html');
    const loopback = await tool(false).call({ url: `${server.origin}/` }, signal());
    expect(loopback).toMatchObject({
      isError: true,
      content: expect.stringContaining('--allow-private-network'),
    });
    const metadata = await tool(false).call({ url: 'http://169.254.169.254/latest/meta-data/' }, signal());
    expect(metadata).toMatchObject({ isError: true, content: expect.stringContaining('169.254.169.254') });
    expect(server.requests).toHaveLength(0);
  });

  it('refuses bad arguments with a message the model can act on', async () => {
    const fetch = tool(true);
    expect((await fetch.call({}, signal())).content).toBe('No URL provided.');
    expect((await fetch.call({ url: 'http://a.example', mode: 'pdf' }, signal())).content).toContain(
      "Use 'html' or 'markdown'",
    );
    expect((await fetch.call({ url: 'file:///etc/passwd' }, signal())).content).toContain(
      'only http and https',
    );
  });
});
