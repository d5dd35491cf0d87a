import type { Pool } from 'pg';

/** The schema that holds strands-cli's own tables, beside DBOS's `dbos` schema. */
export const strandsSchema = 'strands';

/** A fixed advisory-lock key: concurrent first runs must not race on `CREATE TABLE IF NOT EXISTS`. */
const schemaLockKey = 0x5374_726e; // "Strn"

const statements = [
  `CREATE SCHEMA IF NOT EXISTS ${strandsSchema}`,
  // One row per durable run. A run has one or more attempts; each attempt is one DBOS workflow.
  `CREATE TABLE IF NOT EXISTS ${strandsSchema}.runs (
     run_id text PRIMARY KEY,
     spec_name text NOT NULL,
     spec_hash text NOT NULL,
     vars_hash text NOT NULL,
     status text NOT NULL,
     application_version text NOT NULL,
     attempts integer NOT NULL DEFAULT 0,
     error text,
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE INDEX IF NOT EXISTS runs_by_spec ON ${strandsSchema}.runs (spec_hash, vars_hash, status)`,
  // The run journal: append-only, in append order per run. The result is kept as JSON text, not
  // jsonb, so what is read back is exactly what was written (jsonb reorders keys, refuses \u0000).
  `CREATE TABLE IF NOT EXISTS ${strandsSchema}.journal (
     id bigserial PRIMARY KEY,
     run_id text NOT NULL,
     position text NOT NULL,
     kind text NOT NULL,
     request_hash text NOT NULL,
     result text NOT NULL,
     at text NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS journal_by_run ON ${strandsSchema}.journal (run_id, id)`,
  // One row per live (or recently dead) worker: its heartbeat, refreshed while it holds its lease.
  `CREATE TABLE IF NOT EXISTS ${strandsSchema}.workers (
     worker_id text PRIMARY KEY,
     heartbeat_at timestamptz NOT NULL DEFAULT now(),
     started_at timestamptz NOT NULL DEFAULT now())`,
  // runtime.rate_limit across workers: when each gated model request started, by the database's
  // clock (no worker clock skew), per gate key (provider id and endpoint). Pruned as it is used.
  `CREATE TABLE IF NOT EXISTS ${strandsSchema}.request_starts (
     gate_key text NOT NULL,
     started_at timestamptz NOT NULL DEFAULT clock_timestamp())`,
  `CREATE INDEX IF NOT EXISTS request_starts_by_key ON ${strandsSchema}.request_starts (gate_key, started_at)`,
];

/** Creates strands-cli's tables when they are missing (idempotent, safe to run from many processes). */
export async function ensureEngineSchema(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [schemaLockKey]);
    for (const statement of statements) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
