import type { ToolV1 } from '../../../spec/v1/tool-v1.js';
import { guardedRequest } from '../../network/guarded-request.js';
import { toolFailure, toolSuccess } from '../../tool-result.js';
import type { NativeToolContext } from '../native-tool-context.js';
import { capJsonResults } from './cap-text.js';

/** Tavily's public API; `TAVILY_BASE_URL` replaces it (a test server, a proxy). */
export const defaultTavilyBaseUrl = 'https://api.tavily.com';

/** What the model is told when the key is missing. */
export const tavilyKeyMissing =
  'TAVILY_API_KEY environment variable not set. Get your free API key at https://app.tavily.com (1000 free API credits monthly), then set TAVILY_API_KEY before strands run.';

/** Why Tavily refused a call, with what the user can do about it. */
function describeStatus(status: number, body: string): string {
  let detail = body.trim().slice(0, 500);
  try {
    const parsed = JSON.parse(body) as { detail?: { error?: unknown } | string; error?: unknown };
    const message =
      typeof parsed.detail === 'object' ? parsed.detail?.error : (parsed.detail ?? parsed.error);
    if (typeof message === 'string') detail = message;
  } catch {
    // Not JSON: the raw text is the detail.
  }
  if (status === 401 || status === 403) {
    return `Authentication failed (HTTP ${status}): ${detail}. Verify your TAVILY_API_KEY is valid.`;
  }
  if (status === 429 || status === 432 || status === 433) {
    return `Rate limit or quota exceeded (HTTP ${status}): ${detail}. Check your usage at https://app.tavily.com`;
  }
  return `Search failed (HTTP ${status}): ${detail}`;
}

/**
 * `tavily_search`: Tavily's web search (`POST /search`, key from `TAVILY_API_KEY` as a Bearer token)
 * returning Tavily's JSON answer as strands-cli does (`query`, `results` with title/url/content/score,
 * `answer` when asked, `response_time`). The request goes through the run's guarded pool like
 * `http_request`; the key is a credential-named variable, so every output channel redacts it.
 */
export function createTavilySearchTool(context: NativeToolContext): ToolV1 {
  const { limits } = context;
  return {
    name: 'tavily_search',
    description:
      'Search the web using Tavily AI-powered search. Returns optimized results with relevance scores and optional AI-generated answers. Requires TAVILY_API_KEY environment variable.',
    inputSchema: {
      type: 'object',
      properties: {
        query: { type: 'string', description: 'Search query string' },
        max_results: {
          type: 'integer',
          default: 5,
          minimum: 1,
          maximum: 20,
          description: 'Maximum number of results to return (1-20)',
        },
        include_answer: {
          type: 'boolean',
          default: false,
          description: 'Include AI-generated answer based on search results',
        },
      },
      required: ['query'],
    },
    async call(input, { signal }) {
      const query = typeof input.query === 'string' ? input.query.trim() : '';
      if (query === '') return toolFailure('No search query provided');
      const maxResults = input.max_results ?? 5;
      if (!Number.isInteger(maxResults) || (maxResults as number) < 1 || (maxResults as number) > 20) {
        return toolFailure(`max_results must be between 1 and 20, got: ${JSON.stringify(maxResults)}`);
      }
      const env = context.env ?? {};
      const key = env.TAVILY_API_KEY?.trim();
      if (!key) return toolFailure(tavilyKeyMissing);
      const base = (env.TAVILY_BASE_URL?.trim() || defaultTavilyBaseUrl).replace(/\/+$/, '');
      const response = await guardedRequest(context.httpClient(), {
        url: `${base}/search`,
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          query,
          max_results: maxResults,
          include_answer: input.include_answer === true,
        }),
        timeoutMs: limits.httpTimeoutMs,
        maxBodyBytes: limits.webFetchBodyBytes,
        signal,
      });
      if (!response.ok) return toolFailure(context.redact(response.message));
      if (response.status < 200 || response.status > 299) {
        return toolFailure(context.redact(describeStatus(response.status, response.body)));
      }
      let answer: unknown;
      try {
        answer = JSON.parse(response.body);
      } catch {
        answer = undefined;
      }
      if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
        return toolFailure(
          `Search failed: Tavily answered with something that is not a JSON object (${base}/search)`,
        );
      }
      const text = capJsonResults(answer as Record<string, unknown>, limits.webOutputBytes);
      return toolSuccess(context.redact(text));
    },
  };
}
