import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import type { McpServerConfigV1, ToolSourceContextV1, ToolSourceV1, ToolV1 } from '@strands-cli/core/spec';
import { RuntimeFailure } from '@strands-cli/core/spec';
import { descendantsOf, endTreeOnceRootEnds, processRef } from './process-tree.js';
import { StderrTail } from './stderr-tail.js';
import { type McpCallResult, toToolResult } from './tool-result.js';
import { VERSION } from './version.js';

type Transport = StdioClientTransport | StreamableHTTPClientTransport;

/** How long the processes a server started get between SIGTERM and SIGKILL (as the SDK gives the server). */
const treeGraceMs = 2_000;

/** How the server was started, for messages: the command line or the URL. */
function describeServer(config: McpServerConfigV1): string {
  return config.transport === 'stdio' ? [config.command, ...config.args].join(' ') : config.url;
}

/** An error's message followed by its causes' (`fetch failed: getaddrinfo ENOTFOUND host`). */
function messageOf(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 4; depth += 1) {
    const message = current instanceof Error ? current.message : String(current);
    if (message !== '' && !parts.some((part) => part.includes(message))) parts.push(message);
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(': ');
}

/** Why a `tools/call` failed, in words the model can act on. */
function callFailure(error: unknown, callTimeoutMs: number): string {
  const message = messageOf(error);
  if (/timed out/i.test(message)) {
    return `no answer within ${Math.round(callTimeoutMs / 1000)} s (MCP_CALL_TIMEOUT_S); the call was cancelled`;
  }
  if (/connection closed|not connected/i.test(message)) {
    return `the server closed the connection (${message}); its tools are unavailable for the rest of this run`;
  }
  return message;
}

/**
 * One MCP server of a run: started and listed on the first `open()`, shared by every agent that uses
 * it, ended by `close()`: the SDK's stdio transport closes stdin, then sends SIGTERM, then SIGKILL to
 * the process it started; then every process that one had started (found before closing) and that
 * still runs gets the same, since a launcher like `npx` may exit without ending its child.
 */
export class McpToolSource implements ToolSourceV1 {
  readonly id: string;
  readonly #config: McpServerConfigV1;
  readonly #context: ToolSourceContextV1;
  readonly #stderr = new StderrTail();
  #client: Client | undefined;
  #transport: Transport | undefined;
  #opened: Promise<readonly ToolV1[]> | undefined;
  #closed = false;

  constructor(config: McpServerConfigV1, context: ToolSourceContextV1) {
    this.id = config.id;
    this.#config = config;
    this.#context = context;
  }

  open(): Promise<readonly ToolV1[]> {
    this.#opened ??= this.#start();
    return this.#opened;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const transport = this.#transport;
    if (transport instanceof StreamableHTTPClientTransport) {
      // Tells the server the session is over; a server that does not support it answers 405, which is fine.
      await transport.terminateSession().catch(() => undefined);
    }
    // Found before anything closes: once the launcher exits, its children belong to init.
    const pid = transport instanceof StdioClientTransport ? transport.pid : null;
    const root = pid === null ? undefined : processRef(pid);
    const tree = pid === null ? [] : descendantsOf(pid);
    const closing = (async () => {
      await this.#client?.close().catch(() => undefined);
      await transport?.close().catch(() => undefined);
    })();
    await Promise.all([closing, endTreeOnceRootEnds(root, tree, closing, { graceMs: treeGraceMs })]);
  }

  async #start(): Promise<readonly ToolV1[]> {
    const timeoutMs = this.#context.startupTimeoutMs;
    const transport = this.#createTransport();
    this.#transport = transport;
    const client = new Client({ name: 'strands-cli', version: VERSION });
    this.#client = client;
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      await client.connect(transport, { signal, timeout: timeoutMs });
      const listed = await client.listTools(undefined, { signal, timeout: timeoutMs });
      if (this.#closed) throw new Error('the run ended while the server was starting');
      return listed.tools.map((tool) => this.#tool(client, tool));
    } catch (error) {
      await this.close();
      throw this.#startFailure(error, signal.aborted);
    }
  }

  #createTransport(): Transport {
    const config = this.#config;
    if (config.transport === 'stdio') {
      const transport = new StdioClientTransport({
        command: config.command,
        args: [...config.args],
        env: { ...config.env },
        stderr: 'pipe',
        ...(config.cwd === undefined ? {} : { cwd: config.cwd }),
      });
      transport.stderr?.on('data', (chunk: Buffer) => this.#stderr.push(chunk));
      return transport;
    }
    return new StreamableHTTPClientTransport(new URL(config.url), {
      requestInit: { headers: { ...config.headers } },
      fetch: this.#context.fetch,
    });
  }

  #startFailure(error: unknown, timedOut: boolean): RuntimeFailure {
    const config = this.#config;
    const redact = this.#context.redact;
    const why = timedOut
      ? `it did not answer within ${Math.round(this.#context.startupTimeoutMs / 1000)} s`
      : messageOf(error);
    const tail = this.#stderr.text;
    const stderr = tail === '' ? '' : `\n--- its stderr (last lines) ---\n${tail}`;
    return new RuntimeFailure(
      redact(
        `MCP server '${config.id}' (${describeServer(config)}) ${config.transport === 'http' ? 'cannot be reached' : 'could not start'}: ${why}${stderr}`,
      ),
      {
        hint:
          config.transport === 'stdio'
            ? `Check that the command runs on its own; raise MCP_STARTUP_TIMEOUT_S for a slow server, or mark the entry optional: true to run without it.`
            : `Check that the server is reachable (a private or loopback address needs --allow-private-network), or mark the entry optional: true to run without it.`,
        cause: error,
      },
    );
  }

  #tool(
    client: Client,
    listed: { name: string; description?: string | undefined; inputSchema: Record<string, unknown> },
  ): ToolV1 {
    const serverId = this.id;
    const { callTimeoutMs, redact } = this.#context;
    return {
      name: listed.name,
      description: listed.description ?? `Tool ${listed.name} of MCP server ${serverId}.`,
      inputSchema: listed.inputSchema,
      async call(input, options) {
        try {
          // Never retried: a tool call may have effects, and the server may have done it before failing.
          // The SDK sends notifications/cancelled when the signal aborts.
          const result = await client.callTool(
            { name: listed.name, arguments: input },
            { signal: options.signal, timeout: callTimeoutMs },
          );
          return toToolResult(result as McpCallResult);
        } catch (error) {
          if (options.signal.aborted) throw error;
          return {
            content: redact(
              `MCP server '${serverId}' failed on ${listed.name}: ${callFailure(error, callTimeoutMs)}`,
            ),
            isError: true,
          };
        }
      },
    };
  }
}
