import type { McpServerSpec } from '../../spec/v1/agent-spec-v1.js';
import { RuntimeFailure } from '../../spec/v1/errors.js';
import type { McpServerConfigV1 } from '../../spec/v1/tool-source-v1.js';
import { interpolateSecrets } from '../secrets/interpolate-secrets.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The variables a stdio server inherits from the run's environment: the MCP SDK's own default
 * allowlist, enough to find programs and a home directory. Everything else, API keys included, reaches
 * the server only when its entry's `env` names it.
 */
export const inheritedMcpVariables: readonly string[] =
  process.platform === 'win32'
    ? [
        'APPDATA',
        'HOMEDRIVE',
        'HOMEPATH',
        'LOCALAPPDATA',
        'PATH',
        'PROCESSOR_ARCHITECTURE',
        'SYSTEMDRIVE',
        'SYSTEMROOT',
        'TEMP',
        'USERNAME',
        'USERPROFILE',
        'PROGRAMFILES',
      ]
    : ['HOME', 'LOGNAME', 'PATH', 'SHELL', 'TERM', 'USER'];

/** A resolved server entry, and the values its placeholders filled in (to redact). */
export interface ResolvedMcpServer {
  readonly config: McpServerConfigV1;
  readonly optional: boolean;
  /** Values that came from `${NAME}` placeholders. */
  readonly secrets: readonly string[];
}

function interpolateAll(
  values: Readonly<Record<string, string>> | undefined,
  variables: ReadonlyMap<string, string>,
  env: Env,
) {
  const out: Record<string, string> = {};
  const secrets: string[] = [];
  for (const [key, raw] of Object.entries(values ?? {})) {
    const filled = interpolateSecrets(raw, variables, env);
    out[key] = filled.value;
    secrets.push(...filled.secrets);
  }
  return { values: out, secrets };
}

/**
 * Turns a `tools.mcp[]` entry into what the tool source needs: `${NAME}` placeholders in `env` and
 * `headers` filled from declared secrets or the environment, and the child's whole environment built
 * here (allowlist plus entry `env`), never the run's own.
 */
export function resolveMcpServer(
  server: Readonly<McpServerSpec>,
  variables: ReadonlyMap<string, string>,
  env: Env,
): ResolvedMcpServer {
  const optional = server.optional === true;
  if (server.command !== undefined) {
    const filled = interpolateAll(server.env, variables, env);
    const inherited: Record<string, string> = {};
    for (const name of inheritedMcpVariables) {
      const value = env[name];
      // A shell function exported as a variable starts with `()`; it is not a value to pass on.
      if (value !== undefined && !value.startsWith('()')) inherited[name] = value;
    }
    return {
      config: {
        id: server.id,
        transport: 'stdio',
        command: server.command,
        args: [...(server.args ?? [])],
        env: { ...inherited, ...filled.values },
        ...(server.cwd === undefined ? {} : { cwd: server.cwd }),
      },
      optional,
      secrets: filled.secrets,
    };
  }
  if (server.url === undefined) {
    throw new RuntimeFailure(`MCP server '${server.id}' has neither command nor url`, {
      hint: 'Give the entry `command` (stdio) or `url` (Streamable HTTP).',
    });
  }
  const filled = interpolateAll(server.headers, variables, env);
  return {
    config: { id: server.id, transport: 'http', url: server.url, headers: filled.values },
    optional,
    secrets: filled.secrets,
  };
}

/** `MCP_STARTUP_TIMEOUT_S` in ms (default 30 s, as strands-cli). */
export function mcpStartupTimeoutMs(env: Env): number {
  const raw = env.MCP_STARTUP_TIMEOUT_S;
  const seconds = raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : 30_000;
}

/** `MCP_CALL_TIMEOUT_S` in ms (default 120 s): the longest one `tools/call` may take. */
export function mcpCallTimeoutMs(env: Env): number {
  const raw = env.MCP_CALL_TIMEOUT_S;
  const seconds = raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : 120_000;
}
