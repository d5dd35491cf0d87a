import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type LoopbackListener, listenOnLoopback } from '../../testing/listen-on-loopback.js';

/** One request the test server received. */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** A loopback HTTP server for tool tests: records requests and counts connections. */
export interface LoopbackServer extends LoopbackListener {
  readonly requests: ReceivedRequest[];
}

/** Starts a server on 127.0.0.1 with a random port; `handle` answers each request. */
export async function startLoopbackServer(
  handle: (request: ReceivedRequest, response: ServerResponse) => void,
): Promise<LoopbackServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const received = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(received);
      handle(received, response);
    });
  });
  return { ...(await listenOnLoopback(server)), requests };
}

/** Answers with a JSON body. */
export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(value));
}

/** Waits until `condition` holds (polling the event loop), failing after `attempts` turns. */
export async function eventually(condition: () => boolean, attempts = 200): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition not reached');
}
