/**
 * Runs the repository's `examples/*.yaml` through the built CLI: recorded against the loopback model
 * servers with a scripted model (examples-record.test.ts), or replayed from their committed cassettes
 * with no server and no key (examples-replay.test.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LoopbackServer } from '@strands-cli/test-servers';
import { type CliRun, runCli } from '@strands-cli/test-servers/cli-process';
import { type ExampleScript, responderFor } from './example-scripts/index.js';
import { providerTargets } from './providers/provider-targets.js';

/** The repository root (the CLI runs from there, as a user following the README would). */
export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

/** `examples/` of the repository. */
export const examplesDirectory = join(repositoryRoot, 'examples');

/** The spec of an example, by name. */
export const exampleSpec = (name: string): string => join(examplesDirectory, `${name}.yaml`);

/** The committed cassette of an example, by name. */
export const exampleCassette = (name: string): string => join(examplesDirectory, `${name}.cassette.json`);

/** The names of every `examples/*.yaml`, sorted. */
export async function exampleNames(): Promise<string[]> {
  const files = await readdir(examplesDirectory);
  return files
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => file.slice(0, -'.yaml'.length))
    .sort();
}

/** The artifacts a run wrote: file name → content. */
export async function artifactsIn(out: string): Promise<Record<string, string>> {
  const names = (await readdir(out).catch(() => [] as string[])).sort();
  const entries = await Promise.all(
    names.map(async (name) => [name, await readFile(join(out, name), 'utf8')] as const),
  );
  return Object.fromEntries(entries);
}

/** A running examples/local-api/status-api.mjs. */
export interface StatusApi {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Starts the example status API on its fixed port (the spec names it, and the port is part of every
 * recorded request). When another test run holds the port, waits for it rather than failing.
 */
export async function startStatusApi(): Promise<StatusApi> {
  // A computed specifier: the module is plain JavaScript for users to run, with no type declarations.
  const modulePath = pathToFileURL(join(examplesDirectory, 'local-api', 'status-api.mjs')).href;
  const api = (await import(modulePath)) as { startStatusApi(): Promise<StatusApi> };
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await api.startStatusApi();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 80) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/**
 * CLI flags an example needs beyond `run`, `--out` and `--record` when its tools run for real (a
 * recording, or a replay with `--live-tools`). A replay answers tool calls from the cassette and needs none.
 */
export function extraFlags(script: ExampleScript | undefined): string[] {
  return script?.usesStatusApi ? ['--allow-private-network'] : [];
}

/** What {@link recordExample} returns. */
export interface ExampleRecording extends CliRun {
  /** Model requests each provider's server received. */
  readonly requests: Readonly<Record<string, number>>;
}

/**
 * Runs an example live against loopback servers for its providers (through the environment variables
 * a user would set, so the spec is run exactly as committed), recording to `cassette`.
 */
export async function recordExample(
  script: ExampleScript,
  cassette: string,
  out: string,
): Promise<ExampleRecording> {
  const targets = providerTargets.filter((target) => script.providers.includes(target.id));
  const servers: [string, LoopbackServer][] = [];
  let statusApi: StatusApi | undefined;
  try {
    let env: Record<string, string> = {};
    for (const target of targets) {
      const server = await target.start();
      server.setResponder(responderFor(script));
      servers.push([target.id, server]);
      env = { ...env, ...target.env(server) };
    }
    if (script.usesStatusApi) statusApi = await startStatusApi();
    const run = await runCli(
      ['run', exampleSpec(script.name), '--record', cassette, '--out', out, ...extraFlags(script)],
      { cwd: repositoryRoot, env },
    );
    const requests = Object.fromEntries(servers.map(([id, server]) => [id, server.stats().requests]));
    return { ...run, requests };
  } finally {
    await statusApi?.close();
    await Promise.all(servers.map(([, server]) => server.close()));
  }
}

/**
 * Replays an example from a cassette with an empty environment (no API key, no endpoint, `HOME` in a
 * scratch folder so no AWS or other configuration file is found) and no extra flag: its tool calls are
 * answered from the cassette, so an HTTP tool needs neither its API nor `--allow-private-network`.
 * `flags` adds CLI flags (such as `--live-tools`).
 */
export function replayExample(
  name: string,
  cassette: string,
  out: string,
  options: { readonly home: string; readonly flags?: readonly string[] },
): Promise<CliRun> {
  return runCli(['run', exampleSpec(name), '--replay', cassette, '--out', out, ...(options.flags ?? [])], {
    cwd: repositoryRoot,
    env: { HOME: options.home },
  });
}
