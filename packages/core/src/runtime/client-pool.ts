import { LRUCache } from 'lru-cache';
import type { ModelProviderPluginV1, ModelProviderV1 } from '../spec/v1/model-provider-v1.js';

/** How many distinct transports the process keeps open at most (strands-cli used 16 too). */
export const defaultClientPoolSize = 16;

/** What {@link ClientPool.acquire} hands back. */
export interface PooledClient {
  readonly client: ModelProviderV1;
  /** True when this call created the client, false when it came from the pool. */
  readonly created: boolean;
  /** The plugin's transport key (no secrets). */
  readonly transportKey: string;
}

/** Counters of a pool since it was made. */
export interface ClientPoolStats {
  readonly creates: number;
  readonly hits: number;
  readonly closes: number;
  readonly size: number;
}

// Distinct plugin objects never share clients, even when their ids collide (e.g. two test doubles).
const pluginSerials = new WeakMap<object, number>();
let nextPluginSerial = 1;
function pluginSerial(plugin: object): number {
  let serial = pluginSerials.get(plugin);
  if (serial === undefined) {
    serial = nextPluginSerial++;
    pluginSerials.set(plugin, serial);
  }
  return serial;
}

/**
 * A bounded LRU of live provider clients keyed by transport identity: the plugin and its
 * `transportKey(settings)` (endpoint, region, credential fingerprint, connection bound), never the
 * model id or inference parameters, which travel with each request. An evicted or removed client is
 * closed. Concurrent acquires of one key share one creation.
 *
 * Eviction closes a client even if a run still holds it; with the default size of 16 that needs 17
 * distinct transports at once, far beyond any real spec.
 */
export class ClientPool {
  readonly #cache: LRUCache<string, Promise<ModelProviderV1>>;
  readonly #closing = new Set<Promise<void>>();
  #creates = 0;
  #hits = 0;
  #closes = 0;

  /** @param max the number of clients kept (default {@link defaultClientPoolSize}). */
  constructor(max: number = defaultClientPoolSize) {
    this.#cache = new LRUCache<string, Promise<ModelProviderV1>>({
      max,
      dispose: (pending) => this.#closeLater(pending),
    });
  }

  /** Returns the pooled client for these settings, creating it on first use. */
  async acquire<Settings>(
    plugin: ModelProviderPluginV1<Settings>,
    settings: Settings,
  ): Promise<PooledClient> {
    const transportKey = plugin.transportKey(settings);
    const key = `${plugin.id}#${pluginSerial(plugin)}\u0000${transportKey}`;
    const existing = this.#cache.get(key);
    if (existing) {
      this.#hits += 1;
      return { client: await existing, created: false, transportKey };
    }
    const pending = plugin.create(settings);
    this.#cache.set(key, pending);
    try {
      const client = await pending;
      this.#creates += 1;
      return { client, created: true, transportKey };
    } catch (error) {
      // A failed creation must not stay cached; dispose sees a rejected promise and closes nothing.
      if (this.#cache.get(key) === pending) this.#cache.delete(key);
      throw error;
    }
  }

  /** Counters, for `--verbose` and tests. */
  get stats(): ClientPoolStats {
    return { creates: this.#creates, hits: this.#hits, closes: this.#closes, size: this.#cache.size };
  }

  /** Closes every client and empties the pool. The pool stays usable afterwards. */
  async close(): Promise<void> {
    this.#cache.clear();
    await Promise.allSettled([...this.#closing]);
  }

  #closeLater(pending: Promise<ModelProviderV1>): void {
    const closing = pending
      .then(async (client) => {
        this.#closes += 1;
        await client.close();
      })
      .catch(() => {
        // Creation failed (nothing to close) or close failed (nothing more we can do).
      })
      .finally(() => this.#closing.delete(closing));
    this.#closing.add(closing);
  }
}

let processPool: ClientPool | undefined;

/** The process-wide pool every run uses unless given its own. Created on first use. */
export function getClientPool(): ClientPool {
  processPool ??= new ClientPool();
  return processPool;
}

/**
 * Closes every pooled client of the process, so no socket stays open. The CLI calls it after a run;
 * long-lived programs call it on shutdown. Safe to call when nothing was pooled.
 */
export async function closeClientPool(): Promise<void> {
  const pool = processPool;
  processPool = undefined;
  await pool?.close();
}
