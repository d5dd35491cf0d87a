import { RuntimeFailure } from '../../spec/v1/errors.js';
import type { ToolV1 } from '../../spec/v1/tool-v1.js';
import { closestMatch } from '../../spec-file/issues/did-you-mean.js';
import type { McpSelection } from './mcp-selection.js';

/** One selected server with the tools it listed, or `skipped` when it is optional and did not start. */
export interface ServerTools {
  readonly selection: McpSelection;
  readonly tools: readonly ToolV1[];
  readonly skipped: boolean;
}

/**
 * The tools an agent gets from its MCP servers. A named tool the server does not have fails the build
 * of the agent (with a did-you-mean), since the spec relies on it and the model would otherwise never
 * learn it is missing; two servers offering one tool name fail too, since the model could not tell
 * which one it calls.
 */
export function pickMcpTools(servers: readonly ServerTools[]): ToolV1[] {
  const picked = new Map<string, { readonly tool: ToolV1; readonly serverId: string }>();
  for (const { selection, tools, skipped } of servers) {
    const names = new Set(tools.map((tool) => tool.name));
    for (const wanted of selection.tools ?? []) {
      if (skipped || names.has(wanted)) continue;
      const suggestion = closestMatch(wanted, names);
      throw new RuntimeFailure(`MCP server '${selection.serverId}' has no tool '${wanted}'`, {
        hint:
          suggestion === undefined
            ? `See its tools with: strands list-tools SPEC`
            : `Did you mean '${selection.serverId}.${suggestion}'? (strands list-tools SPEC lists them all)`,
      });
    }
    for (const tool of tools) {
      if (selection.tools && !selection.tools.has(tool.name)) continue;
      const clash = picked.get(tool.name);
      if (clash !== undefined) {
        throw new RuntimeFailure(
          `MCP servers '${clash.serverId}' and '${selection.serverId}' both offer a tool named '${tool.name}'`,
          {
            hint: `Name the tools each agent should get in agents.<id>.tools (e.g. '${clash.serverId}.${tool.name}'), so no agent gets both.`,
          },
        );
      }
      picked.set(tool.name, { tool, serverId: selection.serverId });
    }
  }
  return [...picked.values()].map((entry) => entry.tool);
}
