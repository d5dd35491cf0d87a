import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeClientPool } from '@strands-cli/core';
import { strandsBin } from '@strands-cli/test-servers/cli-process';
import { runOnce } from '../measure.js';
import { type BenchProvider, benchProviders, processEnv } from '../providers.js';
import type { LoopbackServer } from '../servers.js';
import { chainSpec } from '../specs.js';

/** The typical spec `validate` and `plan` read. */
export const typicalSpec = fileURLToPath(new URL('../../fixtures/typical.yaml', import.meta.url));

const floors = (name: string): string => fileURLToPath(new URL(`../floors/${name}`, import.meta.url));

/** One whole process the start-up scenario times: `node args` with `env`. */
export interface StartupCommand {
  readonly name: string;
  readonly args: readonly string[];
  readonly env: Record<string, string>;
  /** Which provider's server it calls, if any. */
  readonly provider?: string;
  /** The command whose median it is compared with (a bare SDK floor), if any. */
  readonly floor?: string;
  /** Only on the Node that runs the bench (the 100-step processes of the cold per-step figure). */
  readonly mainNodeOnly?: boolean;
  /** A strands command that must load no provider SDK. */
  readonly sdkFree?: boolean;
}

/** The commands, and what to stop when they are done. */
export interface StartupSetup {
  readonly commands: readonly StartupCommand[];
  close(): Promise<void>;
}

/** Names of the commands, shared with the goals. */
export const commandNames = {
  node: 'node -e 0',
  validate: 'strands validate',
  run: (provider: string) => `strands run (${provider})`,
  sdk: (provider: string) => `bare ${provider} SDK`,
  aiSdk: 'AI SDK (openai)',
  library: 'runWorkflow script (openai)',
  run100: 'strands run, 100 steps (openai)',
  aiSdk100: 'AI SDK, 100 steps (openai)',
} as const;

const startupProviders = ['openai', 'ollama', 'bedrock'] as const;

/** Runs `spec` once in this process and writes it and the requests it sent to `directory`. */
async function record(
  directory: string,
  name: string,
  spec: Record<string, unknown>,
  provider: BenchProvider,
  server: LoopbackServer,
): Promise<{ specFile: string; requestsFile: string }> {
  await runOnce(spec, provider, server);
  await closeClientPool();
  const specFile = join(directory, `${name}.json`);
  const requestsFile = join(directory, `${name}-requests.json`);
  await writeFile(specFile, JSON.stringify(spec));
  await writeFile(
    requestsFile,
    JSON.stringify(server.requests.map((request) => ({ path: request.path, body: request.body }))),
  );
  return { specFile, requestsFile };
}

/**
 * Starts the openai, ollama and bedrock loopback servers in this process (the commands are spawned
 * asynchronously, so the servers keep answering) and lists every command: node -e 0, the CLI's
 * start-up commands, `strands run` of a one-step spec on each provider beside that provider's bare
 * SDK making the same call, the AI SDK and a library user's `runWorkflow` script, and the 100-step
 * processes for the cold per-step figure.
 */
export async function prepareStartup(): Promise<StartupSetup> {
  const directory = await mkdtemp(join(tmpdir(), 'strands-bench-startup-'));
  const servers: LoopbackServer[] = [];
  const commands: StartupCommand[] = [
    { name: commandNames.node, args: ['-e', '0'], env: processEnv() },
    { name: 'strands --version', args: [strandsBin, '--version'], env: processEnv(), sdkFree: true },
    ...(['validate', 'plan'] as const).map((command) => ({
      name: `strands ${command}`,
      args: [strandsBin, command, typicalSpec, '--var', 'changes=fixes'],
      env: processEnv(),
      sdkFree: true,
    })),
  ];
  for (const id of startupProviders) {
    const provider = benchProviders.find((entry) => entry.id === id) as BenchProvider;
    const server = await provider.start();
    servers.push(server);
    const env = processEnv(provider.env);
    const one = await record(
      directory,
      `${id}-1`,
      chainSpec(1, provider.runtime(server.url)),
      provider,
      server,
    );
    const out = join(directory, `out-${id}`);
    commands.push(
      {
        name: commandNames.run(id),
        args: [strandsBin, 'run', one.specFile, '--json', '--out', out],
        env,
        provider: id,
        floor: commandNames.sdk(id),
      },
      {
        name: commandNames.sdk(id),
        args: [floors(`${id}-sdk.mjs`), server.url, one.requestsFile],
        env,
        provider: id,
      },
    );
    if (id !== 'openai') continue;
    const hundred = await record(
      directory,
      `${id}-100`,
      chainSpec(100, provider.runtime(server.url)),
      provider,
      server,
    );
    commands.push(
      {
        name: commandNames.aiSdk,
        args: [floors('ai-sdk.mjs'), server.url, one.requestsFile],
        env,
        provider: id,
        floor: commandNames.sdk(id),
      },
      {
        name: commandNames.library,
        args: [floors('run-workflow.mjs'), one.specFile],
        env,
        provider: id,
        floor: commandNames.sdk(id),
      },
      {
        name: commandNames.run100,
        args: [strandsBin, 'run', hundred.specFile, '--json', '--out', out],
        env,
        provider: id,
        mainNodeOnly: true,
      },
      {
        name: commandNames.aiSdk100,
        args: [floors('ai-sdk.mjs'), server.url, hundred.requestsFile],
        env,
        provider: id,
        mainNodeOnly: true,
      },
    );
  }
  return {
    commands,
    close: async () => {
      await Promise.all(servers.map((server) => server.close()));
      await rm(directory, { recursive: true, force: true });
    },
  };
}
