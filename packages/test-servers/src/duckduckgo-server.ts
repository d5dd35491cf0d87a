import { type RouteServer, startRouteServer } from './route-server.js';

/** One result on the fake results page. */
export interface DuckDuckGoResult {
  readonly title: string;
  readonly url: string;
  readonly snippet: string;
  /** Shown for news searches. */
  readonly date?: string;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A results page in the markup of DuckDuckGo's HTML endpoint, links wrapped in its redirect. */
export function duckDuckGoResultsPage(results: readonly DuckDuckGoResult[]): string {
  const items = results.map(
    (result) => `<div class="result results_links results_links_deep web-result">
<h2 class="result__title"><a rel="nofollow" class="result__a" href="//duckduckgo.com/l/?uddg=${encodeURIComponent(result.url)}&amp;rut=abc">${escapeHtml(result.title)}</a></h2>
<a class="result__url" href="${escapeHtml(result.url)}">${escapeHtml(new URL(result.url).host)}</a>
${result.date === undefined ? '' : `<span class="result__timestamp">${escapeHtml(result.date)}</span>`}
<a class="result__snippet" href="${escapeHtml(result.url)}">${escapeHtml(result.snippet)}</a>
</div>`,
  );
  return `<!DOCTYPE html><html><body><div class="results">
<div class="result results_links result--ad"><a class="result__a" href="https://ad.example/">Sponsored</a></div>
${items.join('\n')}</div></body></html>`;
}

/**
 * A fake of DuckDuckGo's HTML endpoint (`POST /html/`, form `q`, `kl`, `iar=news` for news): answers
 * with `news` for news searches and `text` otherwise.
 */
export function startDuckDuckGoServer(options: {
  readonly text: readonly DuckDuckGoResult[];
  readonly news: readonly DuckDuckGoResult[];
}): Promise<RouteServer> {
  return startRouteServer((request, response) => {
    if (request.method !== 'POST' || request.path !== '/html/') {
      response.writeHead(404);
      response.end();
      return;
    }
    const form = new URLSearchParams(request.body);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(duckDuckGoResultsPage(form.get('iar') === 'news' ? options.news : options.text));
  });
}
