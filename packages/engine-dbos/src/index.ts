/**
 * Durable strands-cli runs on DBOS Transact and PostgreSQL. The CLI loads this package by name only
 * when a database is given (`--database URL` or `STRANDS_DATABASE_URL`); DBOS and `pg` are imported
 * when a run starts, never at import.
 */
export { ensureEngineSchema, strandsSchema } from './engine-schema.js';
export { createPostgresJournal, type PostgresJournalOptions } from './postgres-journal.js';
export { VERSION } from './version.js';
