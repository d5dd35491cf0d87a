import { nativeToolCatalog } from '@strands-cli/core';
import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import type { CliIO } from '../io.js';

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
    .description('List the native tools agents can use, with their descriptions.')
    .action(async () => {
      context.setExitCode(await listToolsCommand(context.io));
    });
}
