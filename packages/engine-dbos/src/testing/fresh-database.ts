import { randomBytes } from 'node:crypto';

/**
 * Creates an empty database on the server of `adminUrl` (a role allowed to CREATE DATABASE) and
 * returns its URL. Each test file takes one, so files never see each other's rows.
 */
export async function createFreshDatabase(adminUrl: string, prefix = 'strands_test'): Promise<string> {
  const { default: pg } = await import('pg');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.href;
}
