/**
 * Durable strands-cli runs on DBOS Transact and PostgreSQL. The CLI loads this package by name only
 * when a database is given (`--database URL` or `STRANDS_DATABASE_URL`); DBOS and `pg` are imported
 * when the engine opens, never at import.
 */
export { applicationVersion, specFormatVersion } from './application-version.js';
export {
  type DbosEngineOptions,
  type DurableAttempt,
  type DurableEngine,
  type DurableRunRequest,
  type DurableRunResult,
  openDbosEngine,
} from './dbos-engine.js';
export { startWorker, type Worker, type WorkerOptions } from './dbos-worker.js';
export { ensureEngineSchema, strandsSchema } from './engine-schema.js';
export { createPostgresJournal, type PostgresJournalOptions } from './postgres-journal.js';
export { createPostgresRequestGate, type PostgresRequestGateOptions } from './postgres-request-gate.js';
export {
  type ArtifactFileV1,
  type PausedQuestionV1,
  type QueuedRunInput,
  type QueuedRunOutput,
  queuedRunWorkflowName,
  runQueueName,
} from './queued-run-types.js';
export { openRunClient, type RunClient, type RunSummaryV1 } from './run-client.js';
export type { ResumedRunV1 } from './run-control.js';
export type { DurableRunRecord, DurableRunStatus } from './run-registry.js';
export type { JournalCountsV1, QueueDepthV1 } from './run-stats.js';
export { VERSION } from './version.js';
export {
  type HeldWorkerLease,
  holdWorkerLease,
  staleWorkers,
  type TakeoverActions,
  takeOverWorker,
} from './worker-lease.js';
export { dbosTakeoverActions, takeOverWorkers, type WorkflowAdmin } from './worker-takeover.js';
