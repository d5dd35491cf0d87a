import { resolvePackageEntry } from '../../plugins/resolve-package.js';
import { RuntimeFailure } from '../../spec/v1/errors.js';
import type { ToolSourcePluginV1 } from '../../spec/v1/tool-source-v1.js';

/** The package that runs `tools.mcp` servers. */
export const mcpToolSourcePackage = '@strands-cli/tools-mcp';

let loaded: Promise<ToolSourcePluginV1> | undefined;

/**
 * Loads the MCP tool source by package name, once per process and only when a run's agent first needs
 * an MCP server: the MCP SDK is large, and most runs never use it.
 */
export function loadMcpToolSource(searchFrom: readonly string[]): Promise<ToolSourcePluginV1> {
  loaded ??= importToolSource(searchFrom).catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

async function importToolSource(searchFrom: readonly string[]): Promise<ToolSourcePluginV1> {
  const entry = resolvePackageEntry(mcpToolSourcePackage, searchFrom);
  if (!entry) {
    throw new RuntimeFailure(`MCP servers need the package ${mcpToolSourcePackage}, which is not installed`, {
      hint: `Install it with: pnpm add ${mcpToolSourcePackage}   (or: npm install ${mcpToolSourcePackage})`,
    });
  }
  const module = (await import(entry)) as { default?: unknown };
  const plugin = (module.default ?? module) as Partial<ToolSourcePluginV1>;
  if (
    plugin.kind !== 'tool-source' ||
    plugin.specificationVersion !== 'v1' ||
    typeof plugin.create !== 'function'
  ) {
    throw new RuntimeFailure(`${mcpToolSourcePackage} is not a v1 tool source`, {
      hint: `Install a version of ${mcpToolSourcePackage} that matches @strands-cli/core.`,
    });
  }
  return plugin as ToolSourcePluginV1;
}
