import { findNativeTool, nativeToolCatalog } from '../../tools/catalog.js';
import type { WorkflowSpec } from '../schema/workflow-spec.js';

/**
 * Native tools of strands-cli 0.5 that this version does not ship. A spec naming one is valid; the
 * capability check reports that it cannot run yet (rather than calling it an unknown tool).
 */
export const upstreamOnlyTools: readonly string[] = ['notes', 'editor', 'shell'];

/** What a tool id in a spec refers to. */
export type ToolKind = 'native' | 'http' | 'python' | 'mcp' | 'upstream-only' | 'unknown';

/** The tool ids a spec may use, by kind. */
export interface ToolIndex {
  /** Every id an agent or step may name (ids, python entries and native aliases). */
  readonly known: ReadonlySet<string>;
  /** Short ids to list in messages. */
  readonly listed: readonly string[];
  /** True when MCP servers are configured: their tools are known only at run time. */
  readonly hasMcp: boolean;
  kindOf(id: string): ToolKind;
}

/** The module name of a strands-cli tool path (`strands_tools.tavily_search` → `tavily_search`). */
export function upstreamToolName(entry: string): string | undefined {
  const name = entry.replace(/^(strands_cli\.tools|strands_tools)\./, '').split('.')[0] ?? entry;
  return upstreamOnlyTools.includes(name) ? name : undefined;
}

/** The name of a `tools.python` entry (a string or `{callable}`). */
export function pythonEntryName(entry: string | { callable: string }): string {
  return typeof entry === 'string' ? entry : entry.callable;
}

/** Indexes the tools a spec defines or may name. */
export function indexTools(spec: Readonly<WorkflowSpec>): ToolIndex {
  const http = new Set((spec.tools?.http_executors ?? []).map((executor) => executor.id));
  const python = new Set((spec.tools?.python ?? []).map(pythonEntryName));
  const mcp = new Set((spec.tools?.mcp ?? []).map((server) => server.id));
  const known = new Set<string>([...http, ...python, ...mcp]);
  for (const tool of nativeToolCatalog) {
    known.add(tool.id);
    for (const alias of tool.aliases) known.add(alias);
  }
  const listed = [
    ...http,
    ...[...python].filter((name) => !findNativeTool(name)),
    ...nativeToolCatalog.map((tool) => tool.id),
  ];
  return {
    known,
    listed: [...new Set(listed)],
    hasMcp: mcp.size > 0,
    kindOf(id) {
      if (http.has(id)) return 'http';
      if (mcp.has(id)) return 'mcp';
      // `server.tool` names one tool of an MCP server; which tools exist is known once it runs.
      if (mcp.has(id.slice(0, Math.max(0, id.indexOf('.'))))) return 'mcp';
      if (findNativeTool(id)) return 'native';
      if (upstreamToolName(id)) return 'upstream-only';
      if (python.has(id)) return 'python';
      return 'unknown';
    },
  };
}
