import {
  type RequestGateReleaseV1,
  type RequestGateTicketV1,
  type RequestGateV1,
  RunCancelledError,
  rateWindowsOf,
  requestGateKey,
} from '@strands-cli/core/spec';
import type { Pool, PoolClient } from 'pg';
import { strandsSchema } from './engine-schema.js';

/** Options of {@link createPostgresRequestGate}. */
export interface PostgresRequestGateOptions {
  /**
   * The gate's own pool: a request holding a concurrency slot keeps one connection checked out
   * until it ends (the slot is a session advisory lock on it), so size it for the requests this
   * process may have in flight; a request that finds the pool busy waits for a connection.
   */
  readonly pool: Pool;
  /** Longest pause between two tries while the endpoint is full, in ms (jittered). @default 50 */
  readonly pollMs?: number;
  readonly random?: () => number;
}

/** Rows older than this are deleted as the gate is used (the longest window is a minute). */
const keepSeconds = 120;

/**
 * A {@link RequestGateV1} that counts across every process using the same PostgreSQL database.
 * Concurrency: `max_concurrent` session advisory locks per gate key, one held on a connection of the
 * gate's pool for the length of the request; a process that dies loses its connection and so its
 * slots. Rate: a log of request starts stamped with the database's `clock_timestamp()`, checked and
 * appended under a transaction advisory lock of the key, so every process sees one sliding window.
 * A full endpoint is retried with short jittered pauses that honour the abort signal.
 */
export function createPostgresRequestGate(options: PostgresRequestGateOptions): RequestGateV1 {
  const pollMs = options.pollMs ?? 50;
  const random = options.random ?? Math.random;
  const pause = (ms: number, signal?: AbortSignal) =>
    sleep(Math.max(1, Math.min(ms, pollMs) * (0.5 + random() / 2)), signal);
  return {
    async acquire(ticket: RequestGateTicketV1, signal?: AbortSignal): Promise<RequestGateReleaseV1> {
      const key = requestGateKey(ticket);
      const { maxConcurrent } = ticket.limits;
      for (;;) {
        throwIfAborted(signal);
        const client = await options.pool.connect();
        let slot: number | undefined;
        try {
          if (maxConcurrent !== undefined) slot = await takeSlot(client, key, maxConcurrent, random);
        } catch (error) {
          client.release(error instanceof Error ? error : true);
          throw error;
        }
        if (maxConcurrent !== undefined && slot === undefined) {
          client.release();
          await pause(pollMs, signal);
          continue;
        }
        try {
          // Holding the slot (if any), wait for room in the rate window: the start is stamped just
          // before the request is sent, so the log matches what the provider sees.
          for (;;) {
            throwIfAborted(signal);
            const waitMs = await recordStart(client, key, ticket);
            if (waitMs <= 0) break;
            await pause(waitMs, signal);
          }
        } catch (error) {
          await giveBack(client, key, slot);
          throw error;
        }
        if (slot === undefined) {
          client.release();
          return () => undefined;
        }
        const held = slot;
        let released = false;
        return () => {
          if (released) return;
          released = true;
          void giveBack(client, key, held);
        };
      }
    },
  };
}

/** The advisory-lock key text of one concurrency slot of a gate key. */
function slotLockText(key: string, slot: number): string {
  return `strands-gate ${key} #${slot}`;
}

/** Tries the key's slots from a random one on; resolves with the slot taken, if any. */
async function takeSlot(
  client: PoolClient,
  key: string,
  slots: number,
  random: () => number,
): Promise<number | undefined> {
  const first = Math.floor(random() * slots);
  for (let i = 0; i < slots; i += 1) {
    const slot = (first + i) % slots;
    const result = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
      [slotLockText(key, slot)],
    );
    if (result.rows[0]?.locked === true) return slot;
  }
  return undefined;
}

/**
 * Appends a start for `key` when every window of the ticket has room, in one transaction under the
 * key's lock. Resolves with 0 when recorded, else the milliseconds until the oldest start that
 * blocks leaves its window.
 */
async function recordStart(client: PoolClient, key: string, ticket: RequestGateTicketV1): Promise<number> {
  const windows = rateWindowsOf(ticket.limits);
  if (windows.length === 0) return 0;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`strands-gate-rate ${key}`]);
    let waitMs = 0;
    for (const [windowMs, most] of windows) {
      // The `most`-th newest start inside the window: while it is there, the window is full.
      const result = await client.query<{ wait_ms: number }>(
        `SELECT extract(epoch FROM started_at + make_interval(secs => $2::float8 / 1000) - clock_timestamp()) * 1000 AS wait_ms
           FROM ${strandsSchema}.request_starts
          WHERE gate_key = $1 AND started_at > clock_timestamp() - make_interval(secs => $2::float8 / 1000)
          ORDER BY started_at DESC OFFSET $3 LIMIT 1`,
        [key, windowMs, most - 1],
      );
      const row = result.rows[0];
      if (row) waitMs = Math.max(waitMs, Math.max(1, Number(row.wait_ms)));
    }
    if (waitMs === 0) {
      await client.query(`INSERT INTO ${strandsSchema}.request_starts (gate_key) VALUES ($1)`, [key]);
      await client.query(
        `DELETE FROM ${strandsSchema}.request_starts
          WHERE gate_key = $1 AND started_at < clock_timestamp() - make_interval(secs => $2)`,
        [key, keepSeconds],
      );
    }
    await client.query('COMMIT');
    return waitMs;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Unlocks the slot and returns the connection; a connection that fails to unlock is closed (which frees it). */
async function giveBack(client: PoolClient, key: string, slot: number | undefined): Promise<void> {
  if (slot === undefined) {
    client.release();
    return;
  }
  try {
    await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [slotLockText(key, slot)]);
    client.release();
  } catch (error) {
    client.release(error instanceof Error ? error : true);
  }
}

function abortedReason(signal: AbortSignal): unknown {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new RunCancelledError();
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortedReason(signal);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedReason(signal));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortedReason(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
