import type { ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type LoopbackServer,
  startAnthropicServer,
  startBedrockServer,
  startGeminiServer,
  startOllamaServer,
  startOpenAIServer,
} from '@strands-cli/test-servers';
import { type CliRun, runCli } from '@strands-cli/test-servers/cli-process';
import {
  anthropicWire,
  bedrockWire,
  geminiWire,
  ollamaWire,
  openAIWire,
  type ProviderWire,
} from './provider-wire.js';

/**
 * One provider as the e2e suite drives it: its loopback server, the environment that points at it, and
 * everything a parameterised test needs to know about it. Adding a provider is one entry below (plus
 * its `fixtures/providers/<id>/` specs).
 */
export interface ProviderTarget {
  readonly id: 'openai' | 'ollama' | 'bedrock' | 'anthropic' | 'gemini';
  /** The provider as error messages name it. */
  readonly displayName: string;
  start(): Promise<LoopbackServer>;
  /** The environment a user would set to reach the server (no port in the specs). */
  env(server: LoopbackServer): Record<string, string>;
  /** The variable the auth hint must name. */
  readonly credentialHint: RegExp;
  /** The runtime keys that make a generated spec run on this provider (the endpoint comes from env). */
  readonly runtime: Readonly<Record<string, string>>;
  /** A distinctive credential for leak tests (empty when the provider needs none). */
  readonly secretEnv: Readonly<Record<string, string>>;
  /** The request header the credential of {@link secretEnv} travels in, when it is sent as is. */
  readonly credentialHeader?: (secretEnv: Readonly<Record<string, string>>) => readonly [string, string];
  /**
   * The variable through which a user picks (and so approves) this provider's endpoint, and the path
   * a base URL in it ends with; absent for providers approved otherwise.
   */
  readonly endpointVariable?: { readonly name: string; readonly path: string };
  /** The status the server answers refused credentials with. */
  readonly authFailureStatus: number;
  /** Protocol error names for faults that have one (Bedrock names every error). */
  readonly errorTypes?: { readonly throttling?: string; readonly conflict?: string };
  /** The client reads responses through core's bounded fetch (size cap and call deadline). */
  readonly boundedFetch: boolean;
  readonly wire: ProviderWire;
}

/** The AWS SDK must find nothing of the machine's own AWS setup (and never leave loopback). */
const isolatedAws = {
  AWS_CONFIG_FILE: '/nonexistent/aws-config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
  AWS_EC2_METADATA_DISABLED: 'true',
};

/** Every provider the CLI ships. */
export const providerTargets: readonly ProviderTarget[] = [
  {
    id: 'openai',
    displayName: 'OpenAI',
    start: () => startOpenAIServer(),
    env: (server) => ({ OPENAI_API_KEY: 'sk-e2e', OPENAI_BASE_URL: `${server.url}/v1` }),
    credentialHint: /OPENAI_API_KEY/,
    runtime: { provider: 'openai', model_id: 'gpt-4o-mini' },
    secretEnv: { OPENAI_API_KEY: 'sk-reliability-SECRET-4242' },
    credentialHeader: (env) => ['authorization', `Bearer ${env.OPENAI_API_KEY}`],
    endpointVariable: { name: 'OPENAI_BASE_URL', path: '/v1' },
    authFailureStatus: 401,
    boundedFetch: true,
    wire: openAIWire,
  },
  {
    id: 'ollama',
    displayName: 'Ollama',
    start: () => startOllamaServer(),
    env: (server) => ({ OLLAMA_HOST: server.url }),
    credentialHint: /OLLAMA_HOST/,
    runtime: { provider: 'ollama', model_id: 'llama3.2' },
    secretEnv: {},
    authFailureStatus: 401,
    boundedFetch: true,
    wire: ollamaWire,
  },
  {
    id: 'bedrock',
    displayName: 'Bedrock',
    start: () => startBedrockServer(),
    env: (server) => ({
      ...isolatedAws,
      AWS_ENDPOINT_URL_BEDROCK_RUNTIME: server.url,
      AWS_ACCESS_KEY_ID: 'AKIDE2E',
      AWS_SECRET_ACCESS_KEY: 'e2e-secret',
    }),
    credentialHint: /AWS_BEARER_TOKEN_BEDROCK/,
    runtime: {
      provider: 'bedrock',
      model_id: 'us.anthropic.claude-3-haiku-20240307-v1:0',
      region: 'us-east-1',
    },
    // Bedrock signs with the secret instead of sending it.
    secretEnv: { AWS_SECRET_ACCESS_KEY: 'aws-reliability-SECRET-9999' },
    authFailureStatus: 403,
    errorTypes: { throttling: 'ThrottlingException', conflict: 'ConflictException' },
    boundedFetch: false,
    wire: bedrockWire,
  },
  {
    id: 'anthropic',
    displayName: 'Anthropic',
    start: () => startAnthropicServer(),
    env: (server) => ({ ANTHROPIC_API_KEY: 'sk-ant-e2e', ANTHROPIC_BASE_URL: server.url }),
    credentialHint: /ANTHROPIC_API_KEY/,
    runtime: { provider: 'anthropic', model_id: 'claude-sonnet-4-20250514' },
    secretEnv: { ANTHROPIC_API_KEY: 'sk-ant-reliability-SECRET-5151' },
    credentialHeader: (env) => ['authorization', `Bearer ${env.ANTHROPIC_API_KEY}`],
    endpointVariable: { name: 'ANTHROPIC_BASE_URL', path: '' },
    authFailureStatus: 401,
    boundedFetch: true,
    wire: anthropicWire,
  },
  {
    id: 'gemini',
    displayName: 'Gemini',
    start: () => startGeminiServer(),
    env: (server) => ({ GEMINI_API_KEY: 'gm-e2e-key', GOOGLE_GEMINI_BASE_URL: server.url }),
    credentialHint: /GEMINI_API_KEY/,
    runtime: { provider: 'gemini', model_id: 'gemini-2.5-flash' },
    secretEnv: { GEMINI_API_KEY: 'gm-reliability-SECRET-7373' },
    credentialHeader: (env) => ['x-goog-api-key', env.GEMINI_API_KEY ?? ''],
    endpointVariable: { name: 'GOOGLE_GEMINI_BASE_URL', path: '' },
    authFailureStatus: 401,
    boundedFetch: true,
    wire: geminiWire,
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
