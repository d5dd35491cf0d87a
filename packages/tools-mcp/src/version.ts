/** The version of this package, sent to MCP servers in `initialize` as the client's version. */
export const VERSION = '0.1.0';
