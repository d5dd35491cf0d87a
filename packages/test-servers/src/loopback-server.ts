import { setMaxListeners } from 'node:events';
import http from 'node:http';
import http2 from 'node:http2';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type {
  Exchange,
  LoopbackServer,
  LoopbackServerOptions,
  ProtocolHandler,
  RecordedRequest,
  Responder,
} from './loopback-types.js';
import type { ScriptedReply } from './scripted-reply.js';

export type * from './loopback-types.js';
export { sendJson, writeChunk, writeHead } from './response-writers.js';

const http2Preface = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');

/**
 * Starts a server on 127.0.0.1 that speaks HTTP/1.1 and cleartext HTTP/2 (prior knowledge) on one
 * port: the first bytes of each connection decide which parser gets the socket.
 */
export async function startLoopbackServer(
  protocol: ProtocolHandler,
  defaultResponder: Responder,
  options: LoopbackServerOptions = {},
): Promise<LoopbackServer> {
  const queue: ScriptedReply[] = [...(options.replies ?? [])];
  let responder = options.responder ?? defaultResponder;
  let requests: RecordedRequest[] = [];
  let connections = 0;
  let nextConnectionId = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let bytesWritten = 0;
  const sockets = new Map<net.Socket, number>();
  const closing = new AbortController();
  // Every request in flight listens for the close (and every delayed one twice): many at once is normal.
  setMaxListeners(0, closing.signal);
  const closedWaiters = new Set<() => void>();

  const onRequest = (
    req: http.IncomingMessage | http2.Http2ServerRequest,
    res: http.ServerResponse | http2.Http2ServerResponse,
  ): void => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let finished = false;
    const done = (): void => {
      if (finished) return;
      finished = true;
      inFlight -= 1;
    };
    res.on('close', done);
    void answer(req, res).catch(() => res.destroy());
  };

  const answer = async (
    req: http.IncomingMessage | http2.Http2ServerRequest,
    res: http.ServerResponse | http2.Http2ServerResponse,
  ): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const socket = (req.socket ?? (req as http2.Http2ServerRequest).stream?.session?.socket) as net.Socket;
    const record: RecordedRequest = {
      index: requests.length,
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: { ...req.headers },
      rawBody,
      body: parseJson(rawBody),
      httpVersion: req.httpVersion,
      connectionId: connectionIdOf(socket),
    };
    requests.push(record);
    let clientGone = false;
    const wentAway = new Promise<void>((resolve) => {
      const onClosing = (): void => resolve();
      res.on('close', () => {
        clientGone = true;
        // Without this every request would leave a listener on the server's signal, and adding one
        // costs time proportional to how many are there: thousands of requests would slow down.
        closing.signal.removeEventListener('abort', onClosing);
        resolve();
      });
      closing.signal.addEventListener('abort', onClosing, { once: true });
    });
    const exchange: Exchange = {
      request: record,
      req,
      res,
      destroyConnection: () => {
        if ('stream' in req && req.stream) req.stream.session?.destroy();
        else req.socket.destroy();
      },
      sleep: (ms) => sleep(ms, undefined, { signal: closing.signal }).catch(() => undefined),
      get gone() {
        return clientGone || closing.signal.aborted;
      },
      untilGone: () => wentAway,
      countWritten: (bytes) => {
        bytesWritten += bytes;
      },
    };
    await protocol.handle(exchange, () => queue.shift() ?? responder(record));
  };

  const connectionIdOf = (socket: net.Socket | undefined): number => {
    if (!socket) return 0;
    // The HTTP/2 compatibility API hands out a proxy of the socket; look it up by address instead.
    const direct = sockets.get(socket);
    if (direct !== undefined) return direct;
    for (const [known, id] of sockets) {
      if (known.remotePort === socket.remotePort) return id;
    }
    return 0;
  };

  const h1 = http.createServer(onRequest);
  const h2 = http2.createServer(onRequest);
  const tcp = net.createServer((socket) => {
    connections += 1;
    nextConnectionId += 1;
    sockets.set(socket, nextConnectionId);
    socket.on('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0) for (const wake of closedWaiters) wake();
    });
    socket.on('error', () => undefined);
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      const isHttp2 = first.subarray(0, http2Preface.length).equals(http2Preface.subarray(0, first.length));
      // HTTP/2 sessions read the bytes still buffered on the socket themselves (on the next tick);
      // the HTTP/1.1 parser needs the socket flowing again.
      if (isHttp2) h2.emit('connection', socket);
      else {
        h1.emit('connection', socket);
        socket.resume();
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    tcp.once('error', reject);
    tcp.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (tcp.address() as net.AddressInfo).port;
  let closed: Promise<void> | undefined;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get requests() {
      return requests;
    },
    enqueue: (...replies) => {
      queue.push(...replies);
    },
    setResponder: (next) => {
      responder = next;
    },
    get pendingReplies() {
      return queue.length;
    },
    stats: () => ({
      connections,
      openConnections: sockets.size,
      inFlight,
      maxInFlight,
      requests: requests.length,
      bytesWritten,
    }),
    waitForConnectionsClosed: (timeoutMs = 5000) =>
      new Promise<void>((resolve, reject) => {
        if (sockets.size === 0) return resolve();
        const timer = setTimeout(() => {
          closedWaiters.delete(wake);
          reject(new Error(`${sockets.size} connection(s) still open after ${timeoutMs} ms`));
        }, timeoutMs);
        const wake = (): void => {
          clearTimeout(timer);
          closedWaiters.delete(wake);
          resolve();
        };
        closedWaiters.add(wake);
      }),
    reset: () => {
      queue.length = 0;
      requests = [];
      connections = 0;
      maxInFlight = inFlight;
      bytesWritten = 0;
    },
    close: () => {
      closed ??= (async () => {
        closing.abort();
        const stopped = new Promise<void>((resolve) => tcp.close(() => resolve()));
        for (const socket of sockets.keys()) socket.destroy();
        h1.closeAllConnections();
        await stopped;
      })();
      return closed;
    },
  };
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
