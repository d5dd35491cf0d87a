import { RuntimeFailure } from '../../spec/v1/errors.js';
import type { ToolSourceContextV1, ToolSourceV1 } from '../../spec/v1/tool-source-v1.js';
import type { ToolV1 } from '../../spec/v1/tool-v1.js';
import type { WorkflowSpec } from '../../spec-file/schema/workflow-spec.js';
import type { GuardedHttpClient } from '../network/guarded-http-client.js';
import { loadMcpToolSource } from './load-tool-source.js';
import { agentsChooseMcpServers, selectMcpTools } from './mcp-selection.js';
import {
  mcpCallTimeoutMs,
  mcpStartupTimeoutMs,
  type ResolvedMcpServer,
  resolveMcpServer,
} from './mcp-server-configs.js';
import { pickMcpTools } from './pick-mcp-tools.js';
import { validatedTool } from './validated-tool.js';

type Env = Readonly<Record<string, string | undefined>>;

/** What {@link createMcpRunTools} needs from the run. */
export interface McpRunToolsOptions {
  readonly spec: Readonly<WorkflowSpec>;
  readonly env: Env;
  readonly secretVariables: ReadonlyMap<string, string>;
  /** Where `@strands-cli/tools-mcp` is resolved from. */
  readonly searchFrom: readonly string[];
  /** The SSRF-guarded connection pool HTTP servers are reached through (created on first use). */
  readonly httpClient: () => GuardedHttpClient;
  readonly redact: (text: string) => string;
  /** Told when an `optional: true` server could not start and the run goes on without it. */
  readonly onSkipped?: (serverId: string, reason: string) => void;
}

/** The MCP servers of one run: started on first use, shared by every agent, closed together. */
export interface McpRunTools {
  /** The MCP tools an agent with these tool ids sees (starting its servers on first use). */
  toolsFor(toolIds: readonly string[]): Promise<readonly ToolV1[]>;
  /** Every tool of one server (starting it on first use). */
  serverTools(serverId: string): Promise<readonly ToolV1[]>;
  /** Ids of the servers started so far. */
  readonly started: readonly string[];
  /** Ends every session and child process. Idempotent. */
  close(): Promise<void>;
}

/** Creates the MCP part of a run's tools. Nothing starts until an agent needs a server. */
export function createMcpRunTools(options: McpRunToolsOptions): McpRunTools {
  const { spec, env } = options;
  const perAgent = agentsChooseMcpServers(spec);
  const servers = new Map<string, ResolvedMcpServer>(
    (spec.tools?.mcp ?? []).map((server) => [
      server.id,
      resolveMcpServer(server, options.secretVariables, env),
    ]),
  );
  const sources = new Map<string, ToolSourceV1>();
  const opened = new Map<string, Promise<readonly ToolV1[]>>();
  const skipped = new Set<string>();
  let closed = false;
  const context: ToolSourceContextV1 = {
    startupTimeoutMs: mcpStartupTimeoutMs(env),
    callTimeoutMs: mcpCallTimeoutMs(env),
    redact: options.redact,
    fetch: guardedFetch(options.httpClient),
  };

  function open(serverId: string): Promise<readonly ToolV1[]> {
    let pending = opened.get(serverId);
    if (pending) return pending;
    const server = servers.get(serverId);
    if (server === undefined) {
      return Promise.reject(
        new RuntimeFailure(`Unknown MCP server '${serverId}'`, {
          hint: `Use one of: ${[...servers.keys()].join(', ')}`,
        }),
      );
    }
    pending = (async () => {
      const plugin = await loadMcpToolSource(options.searchFrom);
      if (closed) throw new Error('the run is closed');
      const source = plugin.create(server.config, context);
      sources.set(serverId, source);
      return (await source.open()).map(validatedTool);
    })().catch((error: unknown) => {
      if (!server.optional) throw error;
      skipped.add(serverId);
      options.onSkipped?.(serverId, options.redact(error instanceof Error ? error.message : String(error)));
      return [];
    });
    opened.set(serverId, pending);
    return pending;
  }

  return {
    async toolsFor(toolIds) {
      const selections = selectMcpTools(spec, toolIds, perAgent);
      const lists = await Promise.all(selections.map((selection) => open(selection.serverId)));
      return pickMcpTools(
        selections.map((selection, index) => ({
          selection,
          tools: lists[index] ?? [],
          skipped: skipped.has(selection.serverId),
        })),
      );
    },
    serverTools: open,
    get started() {
      return [...sources.keys()];
    },
    async close() {
      closed = true;
      // A source still starting is closed too (its close ends the start-up); one not created yet never
      // will be, since `open` checks `closed` after loading the package.
      await Promise.allSettled([...sources.values()].map((source) => source.close()));
    },
  };
}

/** A `fetch` whose every connection goes through the run's SSRF guard. */
function guardedFetch(httpClient: () => GuardedHttpClient): ToolSourceContextV1['fetch'] {
  return async (url, init) => {
    const target = new URL(String(url));
    const client = httpClient();
    const refusal = client.refusal(target);
    if (refusal !== undefined) throw new Error(`refused ${target.origin}: ${refusal}`);
    const { undici, dispatcher } = await client.open();
    return (await undici.fetch(target, { ...(init as object), dispatcher } as never)) as unknown as Response;
  };
}
