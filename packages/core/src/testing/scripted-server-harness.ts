import type { ProviderConnectionRequestV1 } from '../spec/v1/model-provider-v1.js';
import type { HarnessTurn, ModelProviderHarness } from './test-model-provider.js';

/** A scripted fake backend (typically a loopback HTTP server) a {@link scriptedServerHarness} drives. */
export interface ScriptedServer<Reply> {
  /** Queues the replies the next requests get, in order. */
  enqueue(...replies: Reply[]): void;
  /** The requests received so far. */
  readonly requests: readonly unknown[];
  close(): Promise<void>;
}

/** Options of {@link scriptedServerHarness}. */
export interface ScriptedServerHarnessOptions {
  /** Where the backend listens and the credentials; pool size and timeouts default to {@link harnessTransport}. */
  readonly connection: Omit<ProviderConnectionRequestV1, 'maxConnections' | 'timeouts'> &
    Partial<ProviderConnectionRequestV1>;
  /** Model id for the suite's requests. */
  readonly modelId: string;
}

/** Pool size and timeouts for a conformance run: room for its concurrent calls, generous for a busy CI. */
export const harnessTransport = {
  maxConnections: 4,
  timeouts: { connectMs: 2000, headersMs: 5000, bodyMs: 5000 },
} as const satisfies Pick<ProviderConnectionRequestV1, 'maxConnections' | 'timeouts'>;

/**
 * A {@link ModelProviderHarness} over a scripted server: turns are translated by `toReply` and queued,
 * the request count is the server's, closing the harness closes the server.
 * @example
 * testModelProvider({
 *   plugin,
 *   harness: async () => {
 *     const server = await startMyServer();
 *     return scriptedServerHarness(server, myReplyFor, { connection: { host: server.url, env: {} }, modelId: 'm' });
 *   },
 * });
 */
export function scriptedServerHarness<Reply>(
  server: ScriptedServer<Reply>,
  toReply: (turn: HarnessTurn) => Reply,
  options: ScriptedServerHarnessOptions,
): ModelProviderHarness {
  return {
    connection: { ...harnessTransport, ...options.connection },
    modelId: options.modelId,
    script: (turns) => server.enqueue(...turns.map((turn) => toReply(turn))),
    get requestCount() {
      return server.requests.length;
    },
    close: () => server.close(),
  };
}
