import { expect } from 'vitest';
import type { ModelProviderV1, ModelRequestV1 } from '../spec/v1/model-provider-v1.js';
import { abortOnceReceived, type RequestRecorder } from './abort-once-received.js';
import { expectProviderFailure } from './provider-expectations.js';

/** A fake backend that can tell when every connection to it has closed (the loopback servers can). */
export interface ConnectionTracker {
  /** Resolves once every connection is closed (rejects when that takes too long). */
  waitForConnectionsClosed(): Promise<void>;
  stats(): { readonly openConnections: number };
}

/**
 * Starts `call`, aborts its signal once `server` has received the request, and asserts the call fails
 * as the contract wants: a non-retryable `aborted` {@link ProviderCallError}. Script the server to stall
 * first, so the abort finds the request in flight.
 * @example
 * server.enqueue(reply.stall());
 * await expectAbortedInFlight(server, (signal) => provider.generate({ ...request, signal }));
 */
export async function expectAbortedInFlight(
  server: RequestRecorder,
  call: (signal: AbortSignal) => Promise<unknown>,
): Promise<void> {
  await expectProviderFailure(abortOnceReceived(server, call), { kind: 'aborted', isRetryable: false });
}

/**
 * Closes `provider` twice (closing is idempotent), then asserts the server sees every connection closed
 * and that a call made afterwards fails as `aborted` instead of reconnecting.
 * @example
 * await provider.generate(request);
 * await expectClosedForGood(provider, server, request);
 */
export async function expectClosedForGood(
  provider: Pick<ModelProviderV1, 'generate' | 'close'>,
  server: ConnectionTracker,
  request: ModelRequestV1,
): Promise<void> {
  await provider.close();
  await provider.close();
  await server.waitForConnectionsClosed();
  expect(server.stats().openConnections).toBe(0);
  await expectProviderFailure(provider.generate(request), { kind: 'aborted' });
}
