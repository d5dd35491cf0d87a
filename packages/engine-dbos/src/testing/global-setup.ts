import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './test-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the test PostgreSQL's `postgres` database, as a superuser (see `createFreshDatabase`). */
    postgresAdminUrl: string;
  }
}

/**
 * vitest globalSetup: one PostgreSQL for the whole test run (≈ 1 s to initialise and start), a fresh
 * database per test file (`createFreshDatabase(inject('postgresAdminUrl'))`), all removed at the end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startTestPostgres();
  project.provide('postgresAdminUrl', server.adminUrl);
  return () => server.stop();
}
