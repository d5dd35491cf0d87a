import { withoutPipelinedQueryWarning, withQuietConsole } from './quiet-pg-warning.js';

/** Serialises DBOS's schema migrations across processes (a session advisory lock key). */
const migrationLockKey = 0x5374_726d; // "Strm"

/**
 * Creates or migrates DBOS's system tables (schema `dbos`) before this process uses them. Workers,
 * submitters and `run --database` processes may all start at once on a fresh database: one of them
 * migrates while the others wait on a PostgreSQL advisory lock, then find the tables ready. A DBOS
 * client does not migrate by itself, so without this a submitter could enqueue into half-made tables.
 */
export async function migrateDbos(databaseUrl: string): Promise<void> {
  const [{ DBOS }, { default: pg }] = await Promise.all([import('@dbos-inc/dbos-sdk'), import('pg')]);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Polled, never waited for inside a query: DBOS creates indexes CONCURRENTLY, which waits for
    // every open transaction to end, including a process blocked in pg_advisory_lock (a deadlock).
    for (;;) {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
        migrationLockKey,
      ]);
      if (rows[0]?.locked) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await withQuietConsole(() => withoutPipelinedQueryWarning(() => DBOS.migrate(databaseUrl)));
  } finally {
    // Ending the connection frees the lock as well.
    await client.end();
  }
}
