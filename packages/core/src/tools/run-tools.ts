import type { PluginSources } from '../plugins/load-plugin.js';
import { collectSecretValues } from '../secrets/run-secrets.js';
import { createRedactor } from '../secrets/secret-redactor.js';
import { RuntimeFailure } from '../spec/v1/errors.js';
import type { ToolV1 } from '../spec/v1/tool-v1.js';
import type { HttpExecutorSpec, WorkflowSpec } from '../spec-file/schema/workflow-spec.js';
import { findNativeTool, nativeToolCatalog } from './catalog.js';
import { httpToolsReference } from './http-executor/describe-http-executor.js';
import { createHttpExecutorTool } from './http-executor/http-executor-tool.js';
import { createMcpRunTools, type McpRunTools } from './mcp/mcp-run-tools.js';
import { isMcpToolId } from './mcp/mcp-selection.js';
import { createNativeTool } from './native/create-native-tool.js';
import { defaultToolLimits, type NativeToolContext, type ToolLimits } from './native/native-tool-context.js';
import { GuardedHttpClient } from './network/guarded-http-client.js';
import type { HostResolver } from './network/guarded-lookup.js';
import { privateNetworkAllowed } from './network/url-policy.js';
import { secretVariableMap } from './secrets/interpolate-secrets.js';
import { createSkillTool } from './skills/skill-tool.js';
import { toolSetupFindings } from './tool-setup-findings.js';

/** What a run's tools may do, decided by the user. */
export interface RunToolsOptions {
  readonly spec: Readonly<WorkflowSpec>;
  /** Environment for `${NAME}` header values and secrets. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `--allow-private-network` (`STRANDS_HTTP_ALLOW_PRIVATE=1` in `env` counts too). */
  readonly allowPrivateNetwork: boolean;
  /** `--allow-file-write`. */
  readonly allowFileWrite: boolean;
  /** `--allow-code-exec`: lets `python_exec` run code. @default false */
  readonly allowCodeExec?: boolean;
  /** The interpreter `python_exec` runs. @default 'python3' */
  readonly pythonCommand?: string;
  /** Where `spec_verify` resolves plugins: the run's own sources. @default the working directory */
  readonly plugins?: PluginSources;
  /** The directory file tools are confined to. */
  readonly workingDirectory: string;
  /** Size and time limits; unset fields keep their defaults. */
  readonly limits?: Partial<ToolLimits>;
  /** Host-name resolver (tests inject one); the system resolver by default. */
  readonly resolveHost?: HostResolver;
  /** Told when an `optional: true` MCP server could not start and the run goes on without it. */
  readonly onMcpServerSkipped?: (serverId: string, reason: string) => void;
  /** Clock of `current_time`. @default () => new Date() */
  readonly now?: () => Date;
  /** The spec file's directory: `skills[].path` is relative to it. @default workingDirectory */
  readonly specDirectory?: string;
}

/** The tools of one run. Builds each tool once; `close()` releases HTTP pools. */
export interface RunTools {
  /** Tools for a (validated) list of tool ids, in a stable order. */
  toolsFor(toolIds: readonly string[]): readonly ToolV1[];
  /** System-prompt text describing these tools (e.g. the HTTP Tools Reference), or undefined. */
  systemPromptSection(toolIds: readonly string[]): string | undefined;
  /**
   * The MCP tools an agent with these tool ids sees, starting their servers on first use (absent or
   * empty when the spec has no `tools.mcp`).
   */
  mcpToolsFor?(toolIds: readonly string[]): Promise<readonly ToolV1[]>;
  /** Every tool of one MCP server of the spec, starting it on first use (for `list-tools SPEC`). */
  mcpServerTools?(serverId: string): Promise<readonly ToolV1[]>;
  /** Number of HTTP connection pools opened so far (for counts and tests). */
  readonly openedPools: number;
  /**
   * Every secret value of this run (`env.secrets` values, resolved `${NAME}` header values, credential
   * headers, credential-named environment variables). Redact them from logs, events and `--json` output.
   * (Optional so test doubles need not provide it; `createRunTools` always does.)
   */
  readonly secretValues?: readonly string[];
  /** Replaces every spelling of this run's secret values in `text` with the secret marker. */
  readonly redact?: (text: string) => string;
  /** Things the user should know before the run ({@link toolSetupFindings}' messages). */
  readonly warnings?: readonly string[];
  /** Closes every pool opened by this run. Idempotent. */
  close(): Promise<void>;
}

/** Creates the tool set of one run. Nothing connects until a tool is called. */
export function createRunTools(options: RunToolsOptions): Required<RunTools> {
  const allowPrivate = privateNetworkAllowed(options.allowPrivateNetwork, options.env);
  const limits: ToolLimits = { ...defaultToolLimits, ...options.limits };
  const secretVariables = secretVariableMap(options.spec);
  const secretValues = collectSecretValues(options.spec, options.env);
  const redact = createRedactor(secretValues);
  const executors = new Map<string, HttpExecutorSpec>(
    (options.spec.tools?.http_executors ?? []).map((executor) => [executor.id, executor]),
  );
  const clients: GuardedHttpClient[] = [];
  const built = new Map<string, ToolV1>();
  let openedPools = 0;
  let closed = false;
  const newClient = (connectTimeoutMs: number) => {
    const client = new GuardedHttpClient({
      allowPrivate,
      resolve: options.resolveHost,
      connectTimeoutMs: Math.min(connectTimeoutMs, 10_000),
      onOpen: () => {
        openedPools += 1;
      },
    });
    clients.push(client);
    return client;
  };
  let sharedClient: GuardedHttpClient | undefined;
  const context: NativeToolContext = {
    workingDirectory: options.workingDirectory,
    allowFileWrite: options.allowFileWrite,
    allowCodeExec: options.allowCodeExec === true,
    ...(options.pythonCommand === undefined ? {} : { pythonCommand: options.pythonCommand }),
    // Loaded on first use: most runs never check a spec from inside a tool.
    verifySpec: async (text, checkCapability) => {
      const { verifySpecText } = await import('./native/spec-verify/verify-spec-text.js');
      return verifySpecText(text, checkCapability, {
        baseDirectory: options.workingDirectory,
        plugins: options.plugins ?? { searchFrom: [options.workingDirectory] },
        env: options.env,
      });
    },
    limits,
    env: options.env,
    now: options.now ?? (() => new Date()),
    httpClient: () => {
      sharedClient ??= newClient(limits.httpTimeoutMs);
      return sharedClient;
    },
    redact,
  };

  let mcp: McpRunTools | undefined;
  const mcpTools = (): McpRunTools =>
    (mcp ??= createMcpRunTools({
      spec: options.spec,
      env: options.env,
      secretVariables,
      searchFrom: (options.plugins ?? { searchFrom: [options.workingDirectory] }).searchFrom,
      // One pool for every HTTP server of the run, through the same SSRF guard as HTTP tools.
      httpClient: context.httpClient,
      redact,
      onSkipped: options.onMcpServerSkipped,
    }));

  function build(id: string): ToolV1 {
    const native = findNativeTool(id);
    const key = native === undefined ? `executor:${id}` : `native:${native.id}`;
    const existing = built.get(key);
    if (existing !== undefined) return existing;
    const executor = executors.get(id);
    const tool =
      native !== undefined
        ? createNativeTool(native.id, context)
        : executor === undefined
          ? undefined
          : createHttpExecutorTool({
              executor,
              client: newClient(executor.timeout_ms ?? 30_000),
              secretVariables,
              env: options.env,
              maxBodyBytes: limits.httpBodyBytes,
              redact,
            });
    if (tool === undefined) {
      const known = [...nativeToolCatalog.map((entry) => entry.id), ...executors.keys()];
      throw new RuntimeFailure(`Unknown tool '${id}'`, { hint: `Use one of: ${known.join(', ')}` });
    }
    built.set(key, tool);
    return tool;
  }

  // One loader per run, given to every agent, so a skill document is read once per run.
  const skills = options.spec.skills ?? [];
  const skillTool =
    skills.length === 0
      ? undefined
      : createSkillTool({ skills, specDirectory: options.specDirectory ?? options.workingDirectory, redact });

  return {
    toolsFor(toolIds) {
      const byName = new Map<string, ToolV1>();
      for (const id of toolIds) {
        if (isMcpToolId(options.spec, id)) continue;
        const tool = build(id);
        byName.set(tool.name, tool);
      }
      if (skillTool) byName.set(skillTool.name, skillTool);
      return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },
    systemPromptSection(toolIds) {
      const used = [...new Set(toolIds)].filter(
        (id) => findNativeTool(id) === undefined && executors.has(id),
      );
      return httpToolsReference(used.map((id) => executors.get(id)!));
    },
    async mcpToolsFor(toolIds) {
      if ((options.spec.tools?.mcp ?? []).length === 0) return [];
      return mcpTools().toolsFor(toolIds);
    },
    mcpServerTools: (serverId) => mcpTools().serverTools(serverId),
    get openedPools() {
      return openedPools;
    },
    secretValues,
    redact,
    warnings: toolSetupFindings(options.spec, options.env).map((finding) => finding.message),
    async close() {
      if (closed) return;
      closed = true;
      await mcp?.close();
      await Promise.all(clients.map((client) => client.close()));
    },
  };
}
