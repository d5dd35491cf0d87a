import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Helpers shared by the MCP end-to-end tests: fixture specs, server entries, process counting. */
const packageDirectory = fileURLToPath(new URL('..', import.meta.url));

/** tests-e2e/fixtures/mcp. */
export const mcpFixtures = join(packageDirectory, 'fixtures/mcp');

/** The entry script of a real MCP server installed as a devDependency (`server-filesystem`, ...). */
export const serverEntry = (name: string) =>
  join(packageDirectory, 'node_modules/@modelcontextprotocol', name, 'dist/index.js');

/**
 * A fresh directory (pushed to `directories` for cleanup) with `notes.txt` and the fixture spec
 * `name`, its `__KEY__` placeholders filled in (`__LOG__` is a file each started server appends its pid to).
 */
export async function writeMcpSpec(
  directories: string[],
  name: string,
  values: Readonly<Record<string, string>> = {},
) {
  const directory = await mkdtemp(join(tmpdir(), 'strands-mcp-e2e-'));
  directories.push(directory);
  await writeFile(join(directory, 'notes.txt'), 'the meeting is on Thursday at 10');
  const log = join(directory, 'starts.log');
  const filled: Record<string, string> = {
    WRAPPER: join(mcpFixtures, 'counted-server.mjs'),
    LAUNCHER: join(mcpFixtures, 'launcher.mjs'),
    LOG: log,
    FS_ENTRY: serverEntry('server-filesystem'),
    DIR: directory,
    ...values,
  };
  let text = await readFile(join(mcpFixtures, name), 'utf8');
  for (const [key, value] of Object.entries(filled)) text = text.replaceAll(`__${key}__`, value);
  const file = join(directory, name);
  await writeFile(file, text);
  return { directory, file, log };
}

/** The pids of the servers a run started (from the log the fixture servers append to). */
export async function startedServers(log: string): Promise<number[]> {
  const text = await readFile(log, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map(Number);
}

/**
 * True while a process with this pid runs. A zombie (exited, not yet reaped by whoever inherited it
 * once the CLI exited) runs no code and holds nothing, so it does not count.
 */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
