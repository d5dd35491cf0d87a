import type { WorkflowSpec } from '../../spec-file/schema/workflow-spec.js';

/** The MCP tools one agent sees from one server: all of them, or the named ones. */
export interface McpSelection {
  readonly serverId: string;
  /** Tool names (as the server lists them); undefined means every tool of the server. */
  readonly tools?: ReadonlySet<string>;
}

/** What an MCP tool id in an agent's `tools` names: a server (`fs`) or one of its tools (`fs.read_file`). */
export function parseMcpToolId(
  id: string,
  serverIds: ReadonlySet<string>,
): { readonly serverId: string; readonly tool?: string } | undefined {
  if (serverIds.has(id)) return { serverId: id };
  const dot = id.indexOf('.');
  if (dot <= 0) return undefined;
  const serverId = id.slice(0, dot);
  return serverIds.has(serverId) ? { serverId, tool: id.slice(dot + 1) } : undefined;
}

/**
 * True when some agent names an MCP server or tool. Otherwise every agent gets every server's tools, as
 * strands-cli does, so its specs keep working; naming one switches the whole spec to per-agent choice,
 * so a server is never handed to an agent that was meant to do without it.
 */
export function agentsChooseMcpServers(spec: Readonly<WorkflowSpec>): boolean {
  const serverIds = new Set((spec.tools?.mcp ?? []).map((server) => server.id));
  if (serverIds.size === 0) return false;
  return Object.values(spec.agents).some((agent) =>
    (agent.tools ?? []).some((id) => parseMcpToolId(id, serverIds) !== undefined),
  );
}

/**
 * Which MCP servers (and tools) an agent with these tool ids sees. `perAgent` is
 * {@link agentsChooseMcpServers} of the spec, computed once per run.
 */
export function selectMcpTools(
  spec: Readonly<WorkflowSpec>,
  toolIds: readonly string[],
  perAgent: boolean,
): McpSelection[] {
  const servers = spec.tools?.mcp ?? [];
  if (!perAgent) return servers.map((server) => ({ serverId: server.id }));
  const serverIds = new Set(servers.map((server) => server.id));
  const chosen = new Map<string, Set<string> | 'all'>();
  for (const id of toolIds) {
    const parsed = parseMcpToolId(id, serverIds);
    if (!parsed) continue;
    const current = chosen.get(parsed.serverId);
    if (parsed.tool === undefined || current === 'all') chosen.set(parsed.serverId, 'all');
    else chosen.set(parsed.serverId, (current ?? new Set<string>()).add(parsed.tool));
  }
  return servers
    .filter((server) => chosen.has(server.id))
    .map((server) => {
      const tools = chosen.get(server.id);
      return tools === 'all' || tools === undefined
        ? { serverId: server.id }
        : { serverId: server.id, tools };
    });
}

/** True when `id` names an MCP server or tool of this spec (so native tools and executors skip it). */
export function isMcpToolId(spec: Readonly<WorkflowSpec>, id: string): boolean {
  const serverIds = new Set((spec.tools?.mcp ?? []).map((server) => server.id));
  return parseMcpToolId(id, serverIds) !== undefined;
}

/**
 * What an agent with these tool ids sees of the spec's MCP servers, for `plan`: a server id (all its
 * tools) or `server.tool`, in the order the spec lists the servers.
 */
export function mcpServersSeenBy(spec: Readonly<WorkflowSpec>, toolIds: readonly string[]): string[] {
  return selectMcpTools(spec, toolIds, agentsChooseMcpServers(spec)).flatMap((selection) =>
    selection.tools
      ? [...selection.tools].map((tool) => `${selection.serverId}.${tool}`)
      : [selection.serverId],
  );
}
