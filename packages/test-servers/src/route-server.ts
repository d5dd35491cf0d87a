import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a {@link RouteServer} received. */
export interface RouteRequest {
  readonly method: string;
  /** The path with its query string. */
  readonly path: string;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/** Answers one request. */
export type RouteHandler = (request: RouteRequest, response: ServerResponse) => void;

/** A plain HTTP/1.1 server on 127.0.0.1 that records requests: the base of the web-service fakes. */
export interface RouteServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Every request, in arrival order. */
  readonly requests: readonly RouteRequest[];
  close(): Promise<void>;
}

/** Starts a {@link RouteServer}; `handle` answers every request. */
export async function startRouteServer(handle: RouteHandler): Promise<RouteServer> {
  const requests: RouteRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: { ...req.headers },
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      handle(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
