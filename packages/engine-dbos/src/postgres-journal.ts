import type { JournalEntryV1, JournalStoreV1 } from '@strands-cli/core/spec';
import type { Pool } from 'pg';
import { strandsSchema } from './engine-schema.js';

/** Options of {@link createPostgresJournal}. */
export interface PostgresJournalOptions {
  /** A pool on the database whose `strands` schema exists (see `ensureEngineSchema`). */
  readonly pool: Pool;
  /** The run whose journal this is; every entry is keyed by it and its logical position. */
  readonly runId: string;
}

interface JournalRow {
  readonly position: string;
  readonly kind: JournalEntryV1['kind'];
  readonly request_hash: string;
  readonly result: string;
  readonly at: string;
}

/**
 * The journal of one run in PostgreSQL. `append` resolves once its INSERT has committed (PostgreSQL's
 * default `synchronous_commit` flushes the WAL first), so an effect counts as done only when a crash
 * can no longer lose it. Entries are read back in append order; a later entry for a position wins, as
 * the contract says. A row is written whole or not at all, so there is never a torn record to skip.
 */
export function createPostgresJournal({ pool, runId }: PostgresJournalOptions): JournalStoreV1 {
  return {
    read: async () => {
      const { rows } = await pool.query<JournalRow>(
        `SELECT position, kind, request_hash, result, at FROM ${strandsSchema}.journal
         WHERE run_id = $1 ORDER BY id`,
        [runId],
      );
      return rows.map((row) => ({
        position: row.position,
        kind: row.kind,
        requestHash: row.request_hash,
        result: row.result === '' ? undefined : (JSON.parse(row.result) as unknown),
        at: row.at,
      }));
    },
    append: async (entry) => {
      // undefined is not JSON: it is kept as the empty text and read back as undefined.
      const result = entry.result === undefined ? '' : JSON.stringify(entry.result);
      await pool.query(
        `INSERT INTO ${strandsSchema}.journal (run_id, position, kind, request_hash, result, at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [runId, entry.position, entry.kind, entry.requestHash, result, entry.at],
      );
    },
  };
}
