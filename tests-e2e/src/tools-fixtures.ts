import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LoopbackListener, listenOnLoopback } from '@strands-cli/core/testing';

/** The secret the HTTP executor's header carries in these tests. */
export const ordersSecret = 'e2e-orders-secret-7f3a91c2';

/** A tiny order API on 127.0.0.1 that records requests and counts sockets. */
export interface OrdersApi extends LoopbackListener {
  readonly requests: { readonly url: string; readonly authorization: string | undefined }[];
}

function answer(request: IncomingMessage, response: ServerResponse): void {
  const url = request.url ?? '';
  if (url === '/api/slow') return; // never answers: the executor's timeout_ms ends the call
  const status = url === '/api/fail' ? 500 : 200;
  // Both answers echo the Authorization header, so a test sees whether the secret leaks back.
  const echoedAuthorization = request.headers.authorization;
  const body =
    status === 500
      ? { error: 'order database unavailable', echoedAuthorization }
      : { order: 42, total: 'EUR 99.50', echoedAuthorization };
  response.writeHead(status, { 'content-type': 'application/json', 'keep-alive': 'timeout=60' });
  response.end(JSON.stringify(body));
}

/** Starts the order API: `/api/orders/42` answers, `/api/fail` is a 500, `/api/slow` never answers. */
export async function startOrdersApi(): Promise<OrdersApi> {
  const requests: { url: string; authorization: string | undefined }[] = [];
  const server = createServer((request, response) => {
    requests.push({ url: request.url ?? '', authorization: request.headers.authorization });
    request.resume();
    request.on('end', () => answer(request, response));
  });
  server.keepAliveTimeout = 60_000;
  return { ...(await listenOnLoopback(server)), requests };
}

const fixtures = fileURLToPath(new URL('../fixtures/tools/', import.meta.url));

/** Copies a fixture spec into a fresh directory, filling its `__NAME__` placeholders. */
export async function writeFixtureSpec(
  name: string,
  values: Readonly<Record<string, string>> = {},
): Promise<{ directory: string; file: string }> {
  let text = await readFile(join(fixtures, name), 'utf8');
  for (const [key, value] of Object.entries(values)) text = text.replaceAll(`__${key}__`, value);
  const directory = await mkdtemp(join(tmpdir(), 'strands-tools-e2e-'));
  const file = join(directory, name);
  await writeFile(file, text);
  return { directory, file };
}

/** Waits for `condition`, polling the event loop; fails after `attempts` turns. */
export async function eventually(condition: () => boolean, attempts = 300): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition not reached');
}
