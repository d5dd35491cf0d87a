import type http from 'node:http';
import type { Exchange } from './loopback-types.js';

/** Writes the head of a response (both HTTP versions). */
export function writeHead(
  exchange: Exchange,
  status: number,
  headers: Readonly<Record<string, string>>,
): void {
  (exchange.res as http.ServerResponse).writeHead(status, headers);
}

/** Sends a whole JSON response. */
export function sendJson(
  exchange: Exchange,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  writeHead(exchange, status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  exchange.res.end(text);
}

/** Writes one chunk of a streamed response, resolving once it is handed to the socket: true, or false when the client is gone. */
export function writeChunk(exchange: Exchange, chunk: string | Uint8Array): Promise<boolean> {
  return new Promise((resolve) => {
    if (exchange.gone) return resolve(false);
    (exchange.res as http.ServerResponse).write(chunk, (error) => {
      if (!error)
        exchange.countWritten(typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength);
      resolve(!error);
    });
  });
}
