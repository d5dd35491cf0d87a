import type { ChildProcess } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { startTestPostgres, type TestPostgres } from '@strands-cli/engine-dbos/testing';
import type { LoopbackServer } from '@strands-cli/test-servers';
import { type CliRun, runCli } from '@strands-cli/test-servers/cli-process';
import { afterAll, beforeAll } from 'vitest';
import { startDeterministicServer } from './sessions-harness.js';

/** Options of one CLI process in a scale-out scene. */
export interface SceneRunOptions {
  /** Defaults to the scene's folder. */
  readonly cwd?: string;
  readonly env?: Record<string, string>;
  readonly onSpawn?: (child: ChildProcess) => void;
}

/** What a scale-out test file works with; valid from its `beforeAll` on. */
export interface ScaleOutScene {
  readonly postgres: TestPostgres;
  /** The deterministic loopback model server (answers are a function of the request). */
  readonly server: LoopbackServer;
  /** A temporary folder holding the fixtures and a `worker-home` folder for workers. */
  readonly dir: string;
  /** Runs the built CLI against the scene's model server, sessions kept in the scene's folder. */
  strands(args: readonly string[], options?: SceneRunOptions): Promise<CliRun>;
}

/**
 * Registers the file's `beforeAll`/`afterAll`: a real PostgreSQL, the model server and a temporary
 * folder with `fixtures` copied in; all stopped and removed at the end.
 */
export function useScaleOutScene(fixtures: readonly string[], cliTimeoutMs: number): ScaleOutScene {
  let started: { postgres: TestPostgres; server: LoopbackServer; dir: string } | undefined;
  const get = () => {
    if (!started) throw new Error('the scale-out scene is used before its beforeAll ran');
    return started;
  };
  beforeAll(async () => {
    const [postgres, server] = await Promise.all([startTestPostgres(), startDeterministicServer()]);
    const dir = await mkdtemp(join(tmpdir(), 'strands-e2e-scale-out-'));
    for (const fixture of fixtures) await copyFile(fixture, join(dir, basename(fixture)));
    await mkdir(join(dir, 'worker-home'));
    started = { postgres, server, dir };
  }, 60_000);
  afterAll(async () => {
    await started?.server.close();
    await started?.postgres.stop();
    if (started) await rm(started.dir, { recursive: true, force: true });
  });
  return {
    get postgres() {
      return get().postgres;
    },
    get server() {
      return get().server;
    },
    get dir() {
      return get().dir;
    },
    strands(args, options = {}) {
      const { server, dir } = get();
      return runCli(args, {
        cwd: options.cwd ?? dir,
        env: {
          OPENAI_API_KEY: 'sk-e2e',
          OPENAI_BASE_URL: `${server.url}/v1`,
          STRANDS_SESSIONS_DIR: join(dir, 'sessions'),
          ...options.env,
        },
        timeoutMs: cliTimeoutMs,
        ...(options.onSpawn ? { onSpawn: options.onSpawn } : {}),
      });
    },
  };
}

/** A `strands worker` process of a scene: its exit, and the child once spawned. */
export interface SceneWorker {
  readonly run: Promise<CliRun>;
  child(): ChildProcess | undefined;
}

/**
 * Starts `strands worker --id NAME --concurrency N` in the scene's `worker-home` folder; `env` is added
 * to the scene's (e.g. the database URL, a short lease, or another model server's `OPENAI_BASE_URL`).
 */
export function startSceneWorker(
  scene: ScaleOutScene,
  name: string,
  concurrency: number,
  env: Record<string, string>,
): SceneWorker {
  let child: ChildProcess | undefined;
  const run = scene.strands(['worker', '--id', name, '--concurrency', String(concurrency)], {
    cwd: join(scene.dir, 'worker-home'),
    env,
    onSpawn: (spawned) => {
      child = spawned;
    },
  });
  return { run, child: () => child };
}

/**
 * Runs `tasks` with at most `limit` of them at once (CLI processes on a 2-core machine), resolving
 * with their results in the order given.
 */
export async function inBatches<T>(tasks: ReadonlyArray<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next;
      next += 1;
      results[index] = await (tasks[index] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
  return results;
}
