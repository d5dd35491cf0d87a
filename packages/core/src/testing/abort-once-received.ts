/** What {@link abortOnceReceived} watches: a fake backend that records the requests it received. */
export interface RequestRecorder {
  readonly requests: readonly unknown[];
}

/**
 * Starts `call` with an abort signal and aborts it as soon as `server` has received the request, so the
 * abort hits a request in flight (not one still being set up by the client). Settles as the call does;
 * stops watching when the call settles first.
 * @example
 * server.enqueue(reply.stall());
 * const pending = abortOnceReceived(server, (signal) => provider.generate({ ...request, signal }));
 * await expectProviderFailure(pending, { kind: 'aborted' });
 */
export async function abortOnceReceived<T>(
  server: RequestRecorder,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const before = server.requests.length;
  const controller = new AbortController();
  const pending = call(controller.signal);
  let settled = false;
  const settle = (): void => {
    settled = true;
  };
  pending.then(settle, settle);
  // Polls once per event-loop turn: the request arrives through the server's own I/O callbacks.
  while (!settled && server.requests.length === before) await new Promise((resolve) => setImmediate(resolve));
  controller.abort();
  return pending;
}
