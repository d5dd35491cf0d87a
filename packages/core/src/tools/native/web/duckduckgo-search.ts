import type { ToolV1 } from '../../../spec/v1/tool-v1.js';
import { guardedRequest } from '../../network/guarded-request.js';
import { messageOf, toolFailure, toolSuccess } from '../../tool-result.js';
import type { NativeToolContext } from '../native-tool-context.js';
import { capJsonResults } from './cap-text.js';
import { type NewsResult, parseDuckDuckGoResults, type TextResult } from './parse-duckduckgo.js';

/** DuckDuckGo's HTML endpoint (no script needed); `DUCKDUCKGO_BASE_URL` replaces it for tests. */
export const defaultDuckDuckGoBaseUrl = 'https://html.duckduckgo.com';

/** DuckDuckGo's `kp` values for strands-cli's safesearch levels. */
const safeSearchParameter: Readonly<Record<string, string>> = { on: '1', moderate: '-1', off: '-2' };

/** The form DuckDuckGo's HTML endpoint takes, from the validated arguments; a string is an error. */
function searchForm(input: Readonly<Record<string, unknown>>): URLSearchParams | string {
  const query = typeof input.query === 'string' ? input.query.trim() : '';
  if (query === '') return 'No search query provided';
  const searchType = input.search_type ?? 'text';
  if (searchType !== 'text' && searchType !== 'news') {
    return `Invalid search_type: ${JSON.stringify(searchType)} (use "text" or "news")`;
  }
  const region =
    typeof input.region === 'string' && input.region.trim() !== '' ? input.region.trim() : 'us-en';
  const safesearch = typeof input.safesearch === 'string' ? input.safesearch : 'moderate';
  if (!Object.hasOwn(safeSearchParameter, safesearch)) {
    return `Invalid safesearch: ${JSON.stringify(safesearch)} (use "on", "moderate" or "off")`;
  }
  const form = new URLSearchParams({ q: query, kl: region, kp: safeSearchParameter[safesearch]! });
  if (input.timelimit !== undefined && input.timelimit !== null) {
    if (!['d', 'w', 'm', 'y'].includes(String(input.timelimit))) {
      return `Invalid timelimit: ${JSON.stringify(input.timelimit)} (use "d", "w", "m" or "y")`;
    }
    form.set('df', String(input.timelimit));
  }
  if (searchType === 'news') form.set('iar', 'news');
  return form;
}

/**
 * `duckduckgo_search`: a DuckDuckGo search through its HTML endpoint (`POST /html/`, parsed with the
 * lazily loaded DOM), `text` or `news`, with region, safesearch, time limit and result count. Returns
 * strands-cli's JSON: `{query, search_type, result_count, results}` with `{title, href, body}` per text
 * result and `{date, title, body, url, source}` per news result. Goes through the run's guarded pool.
 */
export function createDuckDuckGoSearchTool(context: NativeToolContext): ToolV1 {
  const { limits } = context;
  return {
    name: 'duckduckgo_search',
    description: 'Search DuckDuckGo for text results or news.',
    inputSchema: {
      type: 'object',
      properties: {
        query: { type: 'string', description: 'Search query string' },
        search_type: {
          type: 'string',
          enum: ['text', 'news'],
          default: 'text',
          description: 'Type of search to perform (text or news)',
        },
        max_results: {
          type: 'integer',
          default: 10,
          minimum: 1,
          maximum: 50,
          description: 'Maximum number of results to return (1-50)',
        },
        region: {
          type: 'string',
          default: 'us-en',
          description: 'Region/language code (e.g., us-en, uk-en, cn-zh)',
        },
        safesearch: {
          type: 'string',
          enum: ['on', 'moderate', 'off'],
          default: 'moderate',
          description: 'SafeSearch filter level',
        },
        timelimit: {
          type: 'string',
          enum: ['d', 'w', 'm', 'y'],
          description: 'Time limit for results (d=day, w=week, m=month, y=year)',
        },
      },
      required: ['query'],
    },
    async call(input, { signal }) {
      const form = searchForm(input);
      if (typeof form === 'string') return toolFailure(form);
      const maxResults = input.max_results ?? 10;
      if (!Number.isInteger(maxResults) || (maxResults as number) < 1 || (maxResults as number) > 50) {
        return toolFailure(`max_results must be between 1 and 50, got: ${JSON.stringify(maxResults)}`);
      }
      const base = (context.env?.DUCKDUCKGO_BASE_URL?.trim() || defaultDuckDuckGoBaseUrl).replace(/\/+$/, '');
      const response = await guardedRequest(context.httpClient(), {
        url: `${base}/html/`,
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'user-agent': 'Mozilla/5.0 (compatible; strands-cli)',
          accept: 'text/html',
        },
        body: form.toString(),
        timeoutMs: limits.httpTimeoutMs,
        maxBodyBytes: limits.webFetchBodyBytes,
        signal,
      });
      if (!response.ok) return toolFailure(context.redact(response.message));
      // DuckDuckGo answers a throttled client with 202 and a challenge page instead of results.
      if (response.status !== 200) {
        const hint =
          response.status === 202 || response.status === 429 ? ' (rate limited: try again later)' : '';
        return toolFailure(`Search failed: DuckDuckGo answered HTTP ${response.status}${hint}`);
      }
      const searchType = form.has('iar') ? 'news' : 'text';
      let results: Array<TextResult | NewsResult>;
      try {
        const parsed = await parseDuckDuckGoResults(response.body, maxResults as number);
        results = parsed.map((result) =>
          searchType === 'news'
            ? {
                date: result.date,
                title: result.title,
                body: result.body,
                url: result.url,
                source: result.source,
              }
            : { title: result.title, href: result.url, body: result.body },
        );
      } catch (error) {
        return toolFailure(`Search failed: could not read DuckDuckGo's results page: ${messageOf(error)}`);
      }
      const payload = {
        query: form.get('q'),
        search_type: searchType,
        result_count: results.length,
        results,
      };
      return toolSuccess(context.redact(capJsonResults(payload, limits.webOutputBytes)));
    },
  };
}
