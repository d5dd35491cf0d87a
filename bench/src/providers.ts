import { testSessionsDir } from '@strands-cli/test-servers/cli-process';
import {
  type CallReplayer,
  openAnthropic,
  openBedrock,
  openGemini,
  openOllama,
  openOpenAI,
  poolConnections,
} from './floor.js';
import type { LoopbackServer } from './servers.js';
import {
  startAnthropicServer,
  startBedrockServer,
  startGeminiServer,
  startOllamaServer,
  startOpenAIServer,
} from './servers.js';

/** A provider the bench drives: its loopback server and how a spec and the environment reach it. */
export interface BenchProvider {
  readonly id: 'openai' | 'ollama' | 'bedrock' | 'anthropic' | 'gemini';
  start(): Promise<LoopbackServer>;
  /**
   * The provider's SDK alone, for the floor: `pooled` configures it as our provider does (one
   * keep-alive pool); otherwise as naive code would (a new client and new connections per call).
   */
  openSdk(url: string, options: { readonly pooled: boolean }): Promise<CallReplayer>;
  /** The spec's `runtime` section pointing at the server at `url`. */
  runtime(url: string): Record<string, unknown>;
  /** Credentials a user would set (no machine AWS setup, no real endpoint). */
  readonly env: Readonly<Record<string, string>>;
}

/** The AWS SDK must find nothing of the machine's own AWS setup. */
const isolatedAws = {
  AWS_CONFIG_FILE: '/nonexistent/aws-config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/** The built-in providers. */
export const benchProviders: readonly BenchProvider[] = [
  {
    id: 'openai',
    start: () => startOpenAIServer(),
    runtime: (url) => ({ provider: 'openai', model_id: 'gpt-4o-mini', host: `${url}/v1` }),
    env: { OPENAI_API_KEY: 'sk-bench' },
    openSdk: (url, { pooled }) => openOpenAI(url, pooled ? poolConnections : undefined),
  },
  {
    id: 'ollama',
    start: () => startOllamaServer(),
    runtime: (url) => ({ provider: 'ollama', model_id: 'llama3.2', host: url }),
    env: {},
    openSdk: (url, { pooled }) => openOllama(url, pooled ? poolConnections : undefined),
  },
  {
    id: 'bedrock',
    start: () => startBedrockServer(),
    runtime: (url) => ({
      provider: 'bedrock',
      model_id: 'us.anthropic.claude-3-5-haiku-20241022-v1:0',
      region: 'us-east-1',
      host: url,
    }),
    env: { ...isolatedAws, AWS_ACCESS_KEY_ID: 'AKIDBENCH', AWS_SECRET_ACCESS_KEY: 'bench-secret' },
    openSdk: (url, { pooled }) => openBedrock(url, { keepAlive: pooled }),
  },
  {
    id: 'anthropic',
    start: () => startAnthropicServer(),
    runtime: (url) => ({ provider: 'anthropic', model_id: 'claude-sonnet-4-20250514', host: url }),
    env: { ANTHROPIC_API_KEY: 'sk-ant-bench' },
    openSdk: (url, { pooled }) => openAnthropic(url, pooled ? poolConnections : undefined),
  },
  {
    id: 'gemini',
    start: () => startGeminiServer(),
    runtime: (url) => ({ provider: 'gemini', model_id: 'gemini-2.5-flash', host: url }),
    env: { GEMINI_API_KEY: 'gm-bench-key' },
    openSdk: (url, { pooled }) => openGemini(url, pooled ? poolConnections : undefined),
  },
];

/** The environment a spawned `strands` process gets: a clean one plus the provider's variables. */
export function processEnv(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    NO_COLOR: '1',
    // Runs keep sessions by default (and the bench measures that default): not in the user's data folder.
    STRANDS_SESSIONS_DIR: testSessionsDir(),
    ...isolatedAws,
    ...extra,
  };
}
