import { listMcpTools, type McpServerListing, nativeToolCatalog } from '@strands-cli/core';
import { ExitCode } from '@strands-cli/core/spec';
import type { Command } from 'commander';
import { type CommandContext, collect } from '../command-context.js';
import type { CliIO } from '../io.js';
import { pluginSources } from '../plugins/plugin-sources.js';
import { loadForReading, specPathFor } from '../spec/load-for-command.js';

/** Options of `strands list-tools SPEC`. */
export interface ListToolsOptions {
  readonly allowPrivateNetwork?: boolean;
  readonly var?: readonly string[];
}

/**
 * `strands list-tools SPEC`: starts the spec's MCP servers, prints each one's tools and stops them.
 * Exit 0 when every server listed its tools, 10 when one could not start.
 */
export async function listSpecToolsCommand(
  spec: string,
  options: ListToolsOptions,
  io: CliIO,
): Promise<number> {
  const loaded = await loadForReading(spec, options.var ?? [], io);
  const servers = loaded.spec.tools?.mcp ?? [];
  if (servers.length === 0) {
    io.stdout.write(
      'This spec has no MCP servers (tools.mcp); `strands list-tools` lists the native tools.\n',
    );
    return ExitCode.ok;
  }
  const listings = await listMcpTools({
    spec: loaded.spec,
    env: io.env,
    allowPrivateNetwork: options.allowPrivateNetwork === true || io.env.STRANDS_HTTP_ALLOW_PRIVATE === '1',
    plugins: pluginSources(specPathFor(spec, io), io),
    workingDirectory: io.cwd,
  });
  io.stdout.write(renderListings(listings));
  return listings.some((listing) => listing.error !== undefined) ? ExitCode.runtime : ExitCode.ok;
}

function renderListings(listings: readonly McpServerListing[]): string {
  const lines: string[] = ['MCP servers (name one in agents.<id>.tools as <server> or <server>.<tool>):', ''];
  for (const listing of listings) {
    lines.push(`  ${listing.id}  (${listing.target})`);
    if (listing.error !== undefined) lines.push(`    could not start: ${listing.error.split('\n')[0]}`);
    const width = Math.max(0, ...listing.tools.map((tool) => tool.name.length)) + 2;
    for (const tool of listing.tools) {
      lines.push(`    ${tool.name.padEnd(width)}${tool.description.split('\n')[0] ?? ''}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * `strands list-tools`: prints the native tools agents can name in `agents.<id>.tools` (or
 * `tools.python`), with their descriptions and the other names specs may use for them.
 */
export async function listToolsCommand(io: CliIO): Promise<number> {
  const width = Math.max(...nativeToolCatalog.map((tool) => tool.id.length)) + 2;
  const lines = ['Native tools (name them in agents.<id>.tools or tools.python):', ''];
  for (const tool of nativeToolCatalog) {
    lines.push(`  ${tool.id.padEnd(width)}${tool.description}`);
    lines.push(`  ${' '.repeat(width)}also: ${tool.aliases.join(', ')}`);
  }
  lines.push(
    '',
    'Each tools.http_executors[] entry is a tool too, named by its id.',
    'file_write needs --allow-file-write; python_exec needs --allow-code-exec;',
    'tavily_search needs TAVILY_API_KEY.',
    'http_request, web_fetch, the search tools and HTTP executors reach loopback and',
    'private addresses only with --allow-private-network (or STRANDS_HTTP_ALLOW_PRIVATE=1).',
    '',
  );
  io.stdout.write(lines.join('\n'));
  return 0;
}

/** Registers `strands list-tools`: its arguments, flags and help text. */
export function defineListToolsCommand(program: Command, context: CommandContext): void {
  program
    .command('list-tools')
    .description(
      'List the native tools agents can use; with a spec, start its MCP servers and list their tools.',
    )
    .argument('[spec]', "a workflow spec whose MCP servers' tools to list (starts them)")
    .option('--allow-private-network', 'let MCP servers on loopback or private addresses be reached')
    .option('--var <key=value>', 'set an input variable (repeatable)', collect, [])
    .action(async (spec: string | undefined, options: ListToolsOptions) => {
      context.setExitCode(
        spec === undefined
          ? await listToolsCommand(context.io)
          : await listSpecToolsCommand(spec, options, context.io),
      );
    });
}
