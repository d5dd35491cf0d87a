import type { SpecIssue, SpecLocation } from '../../spec/v1/spec-errors.js';
import { closestMatch } from '../../spec-file/issues/did-you-mean.js';
import type { LoadedSpec } from '../../spec-file/loaded-spec.js';
import type { WorkflowSpec } from '../../spec-file/schema/workflow-spec.js';
import { type ListMcpToolsOptions, listMcpTools, type McpServerListing } from './list-mcp-tools.js';
import { parseMcpToolId } from './mcp-selection.js';

/** What `validate --with-mcp` and `doctor SPEC` found about a spec's MCP servers and the tools it names. */
export interface McpToolIssues {
  /** A required server that did not start, or a `server.tool` the server does not offer. */
  readonly errors: readonly SpecIssue[];
  /** An `optional: true` server that did not start (its named tools are not checked). */
  readonly warnings: readonly SpecIssue[];
}

/**
 * Compares what each agent names (`server.tool`) with what the servers listed, and locates every
 * problem in the spec: a server that could not start at its `tools.mcp` entry, a missing tool at the
 * agent's `tools` entry (with a did-you-mean).
 */
export function mcpToolIssues(
  spec: Readonly<WorkflowSpec>,
  listings: readonly McpServerListing[],
  locate: (pointer: string) => SpecLocation,
): McpToolIssues {
  const errors: SpecIssue[] = [];
  const warnings: SpecIssue[] = [];
  const servers = spec.tools?.mcp ?? [];
  const byId = new Map(listings.map((listing) => [listing.id, listing]));
  servers.forEach((server, index) => {
    const listing = byId.get(server.id);
    if (listing?.error === undefined) return;
    const why = listing.error.split('\n')[0] ?? listing.error;
    const issue: SpecIssue = {
      ...locate(`/tools/mcp/${index}`),
      code: 'mcp',
      message:
        server.optional === true
          ? `optional MCP server '${server.id}' could not start, so its tools are not checked: ${why}`
          : why,
      hint:
        server.optional === true
          ? 'A run goes on without its tools; fix the entry if the agents need them.'
          : 'Check that the server starts on its own (strands list-tools SPEC shows the whole error), or mark the entry optional: true.',
    };
    (server.optional === true ? warnings : errors).push(issue);
  });
  const serverIds = new Set(servers.map((server) => server.id));
  for (const [agentId, agent] of Object.entries(spec.agents)) {
    (agent.tools ?? []).forEach((id, index) => {
      const parsed = parseMcpToolId(id, serverIds);
      if (parsed?.tool === undefined) return;
      const listing = byId.get(parsed.serverId);
      if (listing === undefined || listing.error !== undefined) return;
      const names = listing.tools.map((tool) => tool.name);
      if (names.includes(parsed.tool)) return;
      const suggestion = closestMatch(parsed.tool, names);
      errors.push({
        ...locate(`/agents/${agentId}/tools/${index}`),
        code: 'mcp',
        message: `MCP server '${parsed.serverId}' has no tool '${parsed.tool}'`,
        hint:
          suggestion === undefined
            ? `Its tools: ${names.join(', ') || '(none)'}`
            : `Did you mean '${parsed.serverId}.${suggestion}'?`,
      });
    });
  }
  return { errors, warnings };
}

/**
 * Starts a loaded spec's MCP servers (as `strands list-tools SPEC` does, closing them again) and checks
 * the tools its agents name: `strands validate --with-mcp` and `strands doctor SPEC`.
 */
export async function checkMcpTools(
  loaded: LoadedSpec,
  options: Omit<ListMcpToolsOptions, 'spec'>,
): Promise<McpToolIssues & { readonly listings: readonly McpServerListing[] }> {
  if ((loaded.spec.tools?.mcp ?? []).length === 0) return { errors: [], warnings: [], listings: [] };
  const listings = await listMcpTools({ ...options, spec: loaded.spec });
  return { ...mcpToolIssues(loaded.spec, listings, (pointer) => loaded.locate(pointer)), listings };
}
