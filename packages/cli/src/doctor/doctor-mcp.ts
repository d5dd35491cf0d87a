import { checkMcpTools, type LoadedSpec, type PluginSources, type SpecIssue } from '@strands-cli/core';
import { positionOf } from '../spec/format-issues.js';
import type { DoctorLine } from './doctor-checks.js';

/** Launchers that fetch a package from a registry when it is not cached: `npx -y x`, `uvx x`, ... */
const downloadingLaunchers: ReadonlyArray<{ command: string; test: (args: readonly string[]) => boolean }> = [
  { command: 'npx', test: (args) => args.includes('-y') || args.includes('--yes') },
  { command: 'pnpm', test: (args) => args[0] === 'dlx' },
  { command: 'yarn', test: (args) => args[0] === 'dlx' },
  { command: 'bunx', test: () => true },
  { command: 'uvx', test: () => true },
  { command: 'uv', test: (args) => args[0] === 'tool' && args[1] === 'run' },
  { command: 'pipx', test: (args) => args[0] === 'run' },
];

/**
 * A note when a stdio MCP entry runs a launcher that may download its package at run time (`npx -y`,
 * `pnpm dlx`, `uvx`...): allowed, since the examples do it, but the user should know that a run may
 * reach a package registry and run code it fetched.
 */
export function downloadNote(server: {
  readonly id: string;
  readonly command?: string | undefined;
  readonly args?: readonly string[] | undefined;
}): DoctorLine | undefined {
  if (server.command === undefined) return undefined;
  const program =
    server.command
      .split(/[\\/]/)
      .pop()
      ?.replace(/\.(cmd|exe)$/i, '') ?? '';
  const args = server.args ?? [];
  const launcher = downloadingLaunchers.find((entry) => entry.command === program && entry.test(args));
  if (launcher === undefined) return undefined;
  const line = [server.command, ...args].join(' ');
  return {
    status: 'note',
    text: `  MCP server '${server.id}' runs \`${line}\`, which may download the package at run time`,
    fix: 'Install the server ahead of time and name its command directly to run offline and pinned.',
  };
}

function issueLine(status: 'warn' | 'error', issue: SpecIssue): DoctorLine {
  const where = positionOf(issue);
  return {
    status,
    text: `  ${where ? `${where} ` : ''}${issue.pointer}: ${issue.message}`,
    ...(issue.hint === undefined ? {} : { fix: issue.hint }),
  };
}

/**
 * Doctor's MCP section: starts each server of the spec (closing it again), says how many tools it
 * offers, and checks the tools the agents name; notes entries that download their package.
 */
export async function specMcpLines(
  loaded: LoadedSpec,
  sources: PluginSources,
  env: Readonly<Record<string, string | undefined>>,
  workingDirectory: string,
): Promise<DoctorLine[]> {
  const servers = loaded.spec.tools?.mcp ?? [];
  if (servers.length === 0) return [];
  const found = await checkMcpTools(loaded, {
    env,
    allowPrivateNetwork: env.STRANDS_HTTP_ALLOW_PRIVATE === '1',
    plugins: sources,
    workingDirectory,
  });
  const lines: DoctorLine[] = [];
  for (const listing of found.listings) {
    const server = servers.find((entry) => entry.id === listing.id);
    // A server that did not start is told once, by its located issue below.
    if (listing.error === undefined) {
      lines.push({
        status: 'ok',
        text: `MCP server ${listing.id} (${listing.target}): ${listing.tools.length} tools`,
      });
    }
    const note = server === undefined ? undefined : downloadNote(server);
    if (note !== undefined) lines.push(note);
  }
  lines.push(...found.errors.map((issue) => issueLine('error', issue)));
  lines.push(...found.warnings.map((issue) => issueLine('warn', issue)));
  return lines;
}
