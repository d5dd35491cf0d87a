import type { ToolV1 } from './tool-v1.js';

/** How to reach one MCP server, with every `${NAME}` placeholder already filled in. */
export type McpServerConfigV1 =
  | {
      readonly id: string;
      readonly transport: 'stdio';
      readonly command: string;
      readonly args: readonly string[];
      /**
       * The child's whole environment. The core builds it (the SDK's default allowlist plus the entry's
       * `env`), so nothing of the run's own environment, secrets included, leaks to the server by accident.
       */
      readonly env: Readonly<Record<string, string>>;
      readonly cwd?: string;
    }
  | {
      readonly id: string;
      readonly transport: 'http';
      readonly url: string;
      readonly headers: Readonly<Record<string, string>>;
    };

/** What the run lends a tool source: limits, and the network it may use. */
export interface ToolSourceContextV1 {
  /** Longest wait for the server to start and answer `initialize` and `tools/list`, in ms. */
  readonly startupTimeoutMs: number;
  /** Longest wait for one `tools/call`, in ms. */
  readonly callTimeoutMs: number;
  /**
   * The only `fetch` an HTTP server may be reached through: it applies the run's SSRF guard (private and
   * loopback addresses need the user's opt-in).
   */
  readonly fetch: (url: string | URL, init?: RequestInit) => Promise<Response>;
  /** Replaces the run's secret values in text that reaches the model, logs or errors. */
  readonly redact: (text: string) => string;
}

/**
 * A set of tools that live outside the run (an MCP server): opened once, on first use, and closed with
 * the run. `open()` may be called many times and concurrently; it starts the source once.
 */
export interface ToolSourceV1 {
  readonly id: string;
  /**
   * Starts the source (once) and returns its tools (listed once).
   * @throws an error naming the source and why it could not start.
   */
  open(): Promise<readonly ToolV1[]>;
  /** Ends the session and any child process (terminate, then kill after a grace period). Idempotent. */
  close(): Promise<void>;
}

/** The default export of a tool-source package such as `@strands-cli/tools-mcp`. */
export interface ToolSourcePluginV1 {
  readonly kind: 'tool-source';
  readonly specificationVersion: 'v1';
  /** Which `tools.*` section it serves (`mcp`). */
  readonly id: string;
  /** Creates the (not yet started) source of one server. */
  create(config: McpServerConfigV1, context: ToolSourceContextV1): ToolSourceV1;
}
