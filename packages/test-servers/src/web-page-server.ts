import { type RouteServer, startRouteServer } from './route-server.js';

/** One page a {@link startWebPageServer} serves. */
export interface WebPage {
  /** Sent as Content-Type; omitted when undefined. */
  readonly contentType: string | undefined;
  readonly body: string | Buffer;
  /** HTTP status. @default 200 */
  readonly status?: number;
  /** Extra response headers (e.g. `location` for a redirect). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Serves fixed pages by path (without the query string); any other path is a 404. */
export function startWebPageServer(pages: Readonly<Record<string, WebPage>>): Promise<RouteServer> {
  return startRouteServer((request, response) => {
    const page = pages[request.path.split('?')[0] ?? '/'];
    if (page === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }
    response.writeHead(page.status ?? 200, {
      ...(page.contentType === undefined ? {} : { 'content-type': page.contentType }),
      ...page.headers,
    });
    response.end(page.body);
  });
}
