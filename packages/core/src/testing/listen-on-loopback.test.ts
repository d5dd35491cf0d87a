import { Agent, createServer, request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { listenOnLoopback } from './listen-on-loopback.js';

/** One GET through `agent` (`false`: a socket of its own); resolves with the body. */
function get(url: string, agent: Agent | false): Promise<string> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { agent }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => resolve(body));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('listenOnLoopback', () => {
  it('listens on 127.0.0.1 and counts every connection it accepted', async () => {
    const listener = await listenOnLoopback(createServer((_request, response) => response.end('ok')));
    try {
      expect(listener.origin).toBe(`http://127.0.0.1:${listener.port}`);
      expect(listener.connections()).toBe(0);
      expect(await get(`${listener.origin}/a`, false)).toBe('ok');
      expect(await get(`${listener.origin}/b`, false)).toBe('ok');
      expect(listener.connections()).toBe(2);
    } finally {
      await listener.close();
    }
  });

  it('counts a kept-alive connection as open, and closes the server anyway', async () => {
    const server = createServer((_request, response) => response.end('ok'));
    server.keepAliveTimeout = 60_000;
    const listener = await listenOnLoopback(server);
    const agent = new Agent({ keepAlive: true });
    try {
      expect(await get(`${listener.origin}/`, agent)).toBe('ok');
      expect(listener.openConnections()).toBe(1);
      await listener.close();
      expect(server.listening).toBe(false);
    } finally {
      agent.destroy();
    }
  });
});
