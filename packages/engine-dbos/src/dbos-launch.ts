import { migrateDbos } from './dbos-migrate.js';
import { withoutPipelinedQueryWarning } from './quiet-pg-warning.js';

/** Options of {@link launchDbos}. */
export interface LaunchDbosOptions {
  readonly databaseUrl: string;
  readonly applicationVersion: string;
  /** This process's DBOS executor id: DBOS recovers, at launch, the pending workflows of this id. */
  readonly executorId: string;
  /** The queues this process takes work from; `[]` for none (a `run --database` process). */
  readonly listenQueues: readonly string[];
}

/**
 * Launches DBOS on `databaseUrl` (its system tables live in schema `dbos` of that database; DBOS
 * creates them on first launch). Workflows must be registered before. Once per process.
 */
export async function launchDbos(options: LaunchDbosOptions): Promise<void> {
  const { DBOS } = await import('@dbos-inc/dbos-sdk');
  await migrateDbos(options.databaseUrl);
  DBOS.setConfig({
    name: 'strands-cli',
    systemDatabaseUrl: options.databaseUrl,
    applicationVersion: options.applicationVersion,
    executorID: options.executorId,
    listenQueues: [...options.listenQueues],
    logLevel: 'error',
  });
  await withoutPipelinedQueryWarning(() => DBOS.launch());
}
