import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** An HTTP server listening on 127.0.0.1, with its TCP connections counted. */
export interface LoopbackListener {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly port: number;
  /** TCP connections accepted so far. */
  connections(): number;
  /** TCP connections still open. */
  openConnections(): number;
  /** Destroys the open connections (keep-alive ones would hold the server open), then closes it. */
  close(): Promise<void>;
}

/**
 * Makes `server` listen on 127.0.0.1 at a random free port and counts its connections, so a test can
 * assert how many sockets a client opened and whether it closed them.
 * @example
 * const api = await listenOnLoopback(createServer((request, response) => response.end('ok')));
 * await fetch(`${api.origin}/`);
 * expect(api.connections()).toBe(1);
 * await api.close();
 */
export async function listenOnLoopback(server: Server): Promise<LoopbackListener> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  server.on('connection', (socket: Socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    connections: () => accepted,
    openConnections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
