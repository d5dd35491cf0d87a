import { type ModelStreamPartV1, ProviderCallError } from '@strands-cli/core/spec';
import { expect, test } from 'vitest';

/** Anything a test opens and must close: a loopback server, a provider client. */
interface Closable {
  close(): Promise<void>;
}

/** What a loopback test can destructure from its context: the server. */
export interface LoopbackServerFixture<Server> {
  readonly server: Server;
}

/** What a provider test can destructure from its context: the server and a provider pointed at it. */
export interface LoopbackProviderFixtures<Server, Provider> extends LoopbackServerFixture<Server> {
  readonly provider: Provider;
}

/**
 * Transport settings for a provider under test: a small pool and timeouts that stop a hung loopback
 * exchange well inside the 30 s test bound, yet leave room for a loaded 2-core CI machine (a cold
 * SDK import and a busy event loop can delay an answer by seconds). Stall tests use their own,
 * shorter timeouts.
 */
export const testTransport = {
  maxConnections: 2,
  timeouts: { connectMs: 10_000, headersMs: 10_000, bodyMs: 10_000 },
} as const;

/**
 * A vitest `it` whose tests get a fresh loopback server from `start`, opened only when the test
 * destructures `server` and closed after the test.
 * @example
 * const it = withLoopbackServer(startOllamaServer);
 * it('runs the spec', async ({ server }) => {
 *   server.enqueue(reply.text('Hello'));
 *   // ... point the CLI at server.url ...
 * });
 */
export function withLoopbackServer<Server extends Closable>(start: () => Promise<Server>) {
  return test.extend<LoopbackServerFixture<Server>>({
    // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern
    server: async ({}, use) => {
      const server = await start();
      try {
        await use(server);
      } finally {
        await server.close();
      }
    },
  });
}

/**
 * {@link withLoopbackServer} plus a provider client pointed at the server (`connect`), closed after the
 * test before the server.
 * @example
 * const it = withLoopbackProvider(startOpenAIServer, (server) =>
 *   createOpenAIProvider({ apiKey: 'sk-test', baseURL: server.baseURL, ...testTransport }),
 * );
 * it('answers', async ({ server, provider }) => {
 *   server.enqueue(reply.text('Hello'));
 *   expect((await provider.generate(request)).text).toBe('Hello');
 * });
 */
export function withLoopbackProvider<Server extends Closable, Provider extends Closable>(
  start: () => Promise<Server>,
  connect: (server: Server) => Provider,
) {
  return withLoopbackServer(start).extend<Pick<LoopbackProviderFixtures<Server, Provider>, 'provider'>>({
    provider: async ({ server }, use) => {
      const provider = connect(server);
      try {
        await use(provider);
      } finally {
        await provider.close();
      }
    },
  });
}

/** Every part of a provider's stream, in order. */
export async function drainStream(parts: AsyncIterable<ModelStreamPartV1>): Promise<ModelStreamPartV1[]> {
  const out: ModelStreamPartV1[] = [];
  for await (const part of parts) out.push(part);
  return out;
}

/** The ProviderCallError `promise` rejects with; fails the test when it resolves or rejects with anything else. */
export async function providerFailure(promise: Promise<unknown>): Promise<ProviderCallError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ProviderCallError);
  return error as ProviderCallError;
}
