import type { Dispatcher } from 'undici';
import { type AddressPolicy, blockedAddressReason } from './address-policy.js';
import { createGuardedLookup, type HostResolver } from './guarded-lookup.js';
import { urlRefusal } from './url-policy.js';

/** undici, loaded on the first request so `--help` and `validate` never pay for it. */
export type UndiciModule = typeof import('undici');

/** Options of {@link GuardedHttpClient}. */
export interface GuardedHttpClientOptions {
  /** The user's private-network opt-in. */
  readonly allowPrivate: boolean;
  /** Resolver for host names (tests inject one); the system resolver by default. */
  readonly resolve?: HostResolver;
  /** Which addresses are refused without the opt-in (tests inject one). @default blockedAddressReason */
  readonly addressPolicy?: AddressPolicy;
  /** Longest wait for a TCP/TLS connection, in ms. */
  readonly connectTimeoutMs: number;
  /** Called once, when the connection pool is created. */
  readonly onOpen?: () => void;
}

/** A ready connection pool: the undici module and the keep-alive Agent of one tool. */
export interface OpenedHttpClient {
  readonly undici: UndiciModule;
  readonly dispatcher: Dispatcher;
}

/**
 * One keep-alive connection pool (an undici Agent) whose every connection goes through the guarded
 * lookup. Created lazily on the first request; `close()` releases its sockets.
 */
export class GuardedHttpClient {
  readonly #options: GuardedHttpClientOptions;
  #opened: Promise<OpenedHttpClient> | undefined;
  #closed = false;

  constructor(options: GuardedHttpClientOptions) {
    this.#options = options;
  }

  /** Why this client may not request `url` (scheme, credentials, literal private address), or undefined. */
  refusal(url: URL): string | undefined {
    return urlRefusal(url, this.#options.allowPrivate, this.#options.addressPolicy ?? blockedAddressReason);
  }

  /** The pool, created on first use. Fails once the client is closed. */
  open(): Promise<OpenedHttpClient> {
    if (this.#closed) return Promise.reject(new Error('the HTTP tools of this run are closed'));
    this.#opened ??= this.#create();
    return this.#opened;
  }

  async #create(): Promise<OpenedHttpClient> {
    const undici = await import('undici');
    const { allowPrivate, resolve, addressPolicy } = this.#options;
    const lookup = createGuardedLookup({ allowPrivate, resolve, addressPolicy });
    const dispatcher = new undici.Agent({
      connections: 4,
      keepAliveTimeout: 4_000,
      connect: { lookup: lookup as never, timeout: this.#options.connectTimeoutMs },
    });
    this.#options.onOpen?.();
    return { undici, dispatcher };
  }

  /** Closes the pool (in-flight requests finish first). Idempotent. */
  async close(): Promise<void> {
    this.#closed = true;
    const opened = this.#opened;
    this.#opened = undefined;
    if (opened === undefined) return;
    const { dispatcher } = await opened;
    await dispatcher.close();
  }
}
