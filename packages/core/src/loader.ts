/**
 * `@strands-cli/core/loader`: reading and checking spec files, and loading plugins, without the
 * runtime (no client pool, tools, record/replay or their dependencies). What the read-only commands
 * (`validate`, `plan`, `explain`) import, so that they start faster than a run.
 */

export * from './plugins/index.js';
export * from './spec-file/index.js';
// Which MCP servers each agent sees: `plan` shows it without starting them.
export { mcpServersSeenBy } from './tools/mcp/mcp-selection.js';
// Unset `${NAME}` placeholders and missing tool keys: `validate` warns about them without the runtime.
export { type ToolSetupFinding, toolSetupFindings } from './tools/tool-setup-findings.js';
