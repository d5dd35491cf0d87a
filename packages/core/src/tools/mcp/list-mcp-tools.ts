import type { PluginSources } from '../../plugins/load-plugin.js';
import type { WorkflowSpec } from '../../spec-file/schema/workflow-spec.js';
import { createRunTools } from '../run-tools.js';

/** One MCP server's tools as `strands list-tools SPEC` shows them, or why it could not start. */
export interface McpServerListing {
  readonly id: string;
  /** The command line (stdio) or URL (HTTP). */
  readonly target: string;
  readonly tools: readonly { readonly name: string; readonly description: string }[];
  /** Why the server could not start (its tools are then unknown). */
  readonly error?: string;
}

/** What {@link listMcpTools} needs. */
export interface ListMcpToolsOptions {
  readonly spec: Readonly<WorkflowSpec>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly allowPrivateNetwork: boolean;
  readonly plugins: PluginSources;
  readonly workingDirectory: string;
}

/**
 * Starts every MCP server of a spec, one after the other, lists its tools and stops it again: what a
 * spec's agents would be offered. A server that cannot start is reported, not thrown.
 */
export async function listMcpTools(options: ListMcpToolsOptions): Promise<McpServerListing[]> {
  const skipped = new Map<string, string>();
  const runTools = createRunTools({
    spec: options.spec,
    env: options.env,
    allowPrivateNetwork: options.allowPrivateNetwork,
    allowFileWrite: false,
    plugins: options.plugins,
    workingDirectory: options.workingDirectory,
    onMcpServerSkipped: (serverId, reason) => skipped.set(serverId, reason),
  });
  const listings: McpServerListing[] = [];
  try {
    for (const server of options.spec.tools?.mcp ?? []) {
      const target = server.url ?? [server.command ?? '', ...(server.args ?? [])].join(' ');
      try {
        const tools = await runTools.mcpServerTools(server.id);
        const error = skipped.get(server.id);
        listings.push({
          id: server.id,
          target,
          tools: tools.map((tool) => ({ name: tool.name, description: tool.description })),
          ...(error === undefined ? {} : { error }),
        });
      } catch (error) {
        listings.push({
          id: server.id,
          target,
          tools: [],
          error: runTools.redact(String((error as Error).message ?? error)),
        });
      }
    }
  } finally {
    await runTools.close();
  }
  return listings;
}
