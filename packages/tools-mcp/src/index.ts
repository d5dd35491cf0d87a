import type { ToolSourcePluginV1 } from '@strands-cli/core/spec';
import { McpToolSource } from './mcp-tool-source.js';

export { McpToolSource } from './mcp-tool-source.js';
export { VERSION } from './version.js';

/** The MCP tool source: one client per `tools.mcp[]` server, stdio or Streamable HTTP. */
const mcpToolSource: ToolSourcePluginV1 = {
  kind: 'tool-source',
  specificationVersion: 'v1',
  id: 'mcp',
  create: (config, context) => new McpToolSource(config, context),
};

export default mcpToolSource;
