import { type HtmlElement, parseHtml } from './load-dom.js';

/** One result as strands-cli's `duckduckgo_search` returns it for `text` searches. */
export interface TextResult {
  readonly title: string;
  readonly href: string;
  readonly body: string;
}

/** One result as strands-cli's `duckduckgo_search` returns it for `news` searches. */
export interface NewsResult {
  readonly date: string;
  readonly title: string;
  readonly body: string;
  readonly url: string;
  readonly source: string;
}

function textOf(element: HtmlElement | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The target of a result link. The HTML endpoint wraps targets in a redirect
 * (`//duckduckgo.com/l/?uddg=<encoded URL>`) that only DuckDuckGo's servers need; the model should
 * see and fetch the page itself.
 */
export function resultTarget(href: string): string {
  try {
    const url = new URL(href, 'https://duckduckgo.com');
    const target = url.searchParams.get('uddg');
    if (url.pathname === '/l/' && target) return target;
    return url.href;
  } catch {
    return href;
  }
}

/** Reads the organic results of a DuckDuckGo HTML results page (ads left out), at most `max`. */
export async function parseDuckDuckGoResults(
  html: string,
  max: number,
): Promise<Array<{ title: string; url: string; body: string; date: string; source: string }>> {
  const document = await parseHtml(html);
  const results: Array<{ title: string; url: string; body: string; date: string; source: string }> = [];
  for (const element of Array.from(document.querySelectorAll('.result'))) {
    if (results.length >= max) break;
    if (element.classList.contains('result--ad')) continue;
    const link = element.querySelector('a.result__a');
    const href = link?.getAttribute('href');
    if (link === null || !href) continue;
    results.push({
      title: textOf(link),
      url: resultTarget(href),
      body: textOf(element.querySelector('.result__snippet')),
      date: textOf(element.querySelector('.result__timestamp')),
      source: textOf(element.querySelector('.result__url')),
    });
  }
  return results;
}
