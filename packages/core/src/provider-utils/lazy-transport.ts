import { ProviderCallError } from '../spec/v1/errors.js';

/** What a provider's transport must offer to be managed by {@link createLazyTransport}. */
export interface ClosableTransport {
  /** Releases the connection pool (may be sync or async). */
  close(): void | Promise<void>;
}

/** A provider client's transport, opened on first use and closed once. */
export interface LazyTransport<T extends ClosableTransport> {
  /**
   * The transport, opened on the first call and shared by every later one. After `close()` it
   * rejects with an `aborted` ProviderCallError naming `modelId`, when given.
   */
  get(modelId?: string): Promise<T>;
  /** Closes the transport if it was opened (waiting for an opening in progress). Idempotent. */
  close(): Promise<void>;
}

/** Options of {@link createLazyTransport}. */
export interface LazyTransportOptions<T> {
  /** The provider id the errors carry, e.g. `openai`. */
  readonly providerId: string;
  /** The provider as messages name it, e.g. `OpenAI`. */
  readonly displayName: string;
  /** Loads the SDK and opens the pool; called at most once. */
  readonly open: () => Promise<T>;
}

/**
 * The life cycle every model provider client shares: nothing is loaded at creation (the vendor SDK
 * is imported by `open` on the first call, so importing a provider stays cheap), one transport is
 * shared by all calls, and `close()` releases it once, even while it is still being opened, after
 * which calls fail instead of reopening a pool nobody would close.
 * @example
 * const transport = createLazyTransport({ providerId: 'ollama', displayName: 'Ollama', open: () => openPool(settings) });
 * const pool = await transport.get(request.modelId);
 */
export function createLazyTransport<T extends ClosableTransport>(
  options: LazyTransportOptions<T>,
): LazyTransport<T> {
  let transport: Promise<T> | undefined;
  let closed: Promise<void> | undefined;
  return {
    get(modelId) {
      if (closed) {
        return Promise.reject(
          new ProviderCallError({
            providerId: options.providerId,
            kind: 'aborted',
            message: `This ${options.displayName} client is closed`,
            ...(modelId === undefined ? {} : { modelId }),
          }),
        );
      }
      transport ??= options.open();
      return transport;
    },
    close() {
      closed ??= (async () => {
        const pending = transport;
        // A transport that failed to open has nothing to release.
        if (pending) await (await pending.catch(() => undefined))?.close();
      })();
      return closed;
    },
  };
}
