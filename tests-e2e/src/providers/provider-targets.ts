import type { ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type LoopbackServer,
  startBedrockServer,
  startOllamaServer,
  startOpenAIServer,
} from '@strands-cli/test-servers';
import { type CliRun, runCli } from '@strands-cli/test-servers/cli-process';

/** One provider as the e2e suite drives it: its loopback server and the environment that points at it. */
export interface ProviderTarget {
  readonly id: 'openai' | 'ollama' | 'bedrock';
  start(): Promise<LoopbackServer>;
  /** The environment a user would set to reach the server (no port in the specs). */
  env(server: LoopbackServer): Record<string, string>;
  /** The variable the auth hint must name. */
  readonly credentialHint: RegExp;
}

/** The AWS SDK must find nothing of the machine's own AWS setup (and never leave loopback). */
const isolatedAws = {
  AWS_CONFIG_FILE: '/nonexistent/aws-config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
  AWS_EC2_METADATA_DISABLED: 'true',
};

/** The three providers. */
export const providerTargets: readonly ProviderTarget[] = [
  {
    id: 'openai',
    start: () => startOpenAIServer(),
    env: (server) => ({ OPENAI_API_KEY: 'sk-e2e', OPENAI_BASE_URL: `${server.url}/v1` }),
    credentialHint: /OPENAI_API_KEY/,
  },
  {
    id: 'ollama',
    start: () => startOllamaServer(),
    env: (server) => ({ OLLAMA_HOST: server.url }),
    credentialHint: /OLLAMA_HOST/,
  },
  {
    id: 'bedrock',
    start: () => startBedrockServer(),
    env: (server) => ({
      ...isolatedAws,
      AWS_ENDPOINT_URL_BEDROCK_RUNTIME: server.url,
      AWS_ACCESS_KEY_ID: 'AKIDE2E',
      AWS_SECRET_ACCESS_KEY: 'e2e-secret',
    }),
    credentialHint: /AWS_BEARER_TOKEN_BEDROCK/,
  },
];

/** The target of provider `id`, for tests that need one provider only. */
export function providerTarget(id: ProviderTarget['id']): ProviderTarget {
  const target = providerTargets.find((candidate) => candidate.id === id);
  if (!target) throw new Error(`the ${id} target is missing`);
  return target;
}

/** The path of a spec under `fixtures/providers/<provider>/`. */
export function providerFixture(target: ProviderTarget, name: string): string {
  return fileURLToPath(new URL(`../../fixtures/providers/${target.id}/${name}.yaml`, import.meta.url));
}

/** Runs `strands run <fixture>` against the target's server, writing artifacts to a scratch dir. */
export function runFixture(
  target: ProviderTarget,
  server: LoopbackServer,
  name: string,
  flags: readonly string[] = [],
  onSpawn?: (child: ChildProcess) => void,
): Promise<CliRun> {
  return runCli(['run', providerFixture(target, name), '--out', scratchOut, '--force', ...flags], {
    env: target.env(server),
    ...(onSpawn ? { onSpawn } : {}),
  });
}

// The provider specs write no artifacts; `--out` only keeps a stray one out of the repository.
const scratchOut = join(tmpdir(), 'strands-e2e-providers');

/** The `--json` result document of a run. */
export interface JsonResult {
  readonly ok: boolean;
  readonly response?: string;
  readonly counts?: {
    readonly clientsCreated: number;
    readonly clientsReused: number;
    readonly requests: number;
    readonly retries: number;
  };
  readonly error?: { readonly message?: string; readonly exitCode?: number };
}

/** Parses the `--json` document a run printed. */
export function jsonResult(run: CliRun): JsonResult {
  return JSON.parse(run.stdout) as JsonResult;
}
