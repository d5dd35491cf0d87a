import { type RouteServer, startRouteServer } from './route-server.js';

/** A search result as Tavily returns it. */
export interface TavilyResult {
  readonly title: string;
  readonly url: string;
  readonly content: string;
  readonly score: number;
}

/** Options of {@link startTavilyServer}. */
export interface TavilyServerOptions {
  /** The key the fake accepts as `Authorization: Bearer <key>`; others get 401. */
  readonly apiKey: string;
  readonly results: readonly TavilyResult[];
  /** Sent as `answer` when the request asks for `include_answer`. */
  readonly answer?: string;
}

/**
 * A fake of Tavily's `POST /search`: checks the Bearer key, answers with Tavily's response shape
 * (`query`, `answer`, `results`, `response_time`), at most `max_results` results.
 */
export function startTavilyServer(options: TavilyServerOptions): Promise<RouteServer> {
  return startRouteServer((request, response) => {
    const json = (status: number, value: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(value));
    };
    if (request.method !== 'POST' || request.path !== '/search') return json(404, { detail: 'Not Found' });
    if (request.headers.authorization !== `Bearer ${options.apiKey}`) {
      return json(401, { detail: { error: 'Unauthorized: missing or invalid API key.' } });
    }
    const body = JSON.parse(request.body) as {
      query: string;
      max_results?: number;
      include_answer?: boolean;
    };
    json(200, {
      query: body.query,
      answer: body.include_answer === true ? (options.answer ?? null) : null,
      images: [],
      results: options.results.slice(0, body.max_results ?? 5),
      response_time: 0.42,
    });
  });
}
