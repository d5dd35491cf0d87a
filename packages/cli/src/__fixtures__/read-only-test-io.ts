import { fileURLToPath } from 'node:url';
import type { CliIO } from '../io.js';

/** A CliIO that keeps what was written, for command tests; `cwd` defaults to the process's. */
export function bufferIO(env: Record<string, string | undefined> = {}, cwd: string = process.cwd()) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    env,
    cwd,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

/** The path of a read-only command fixture. */
export function readOnlyFixture(name: string): string {
  return fileURLToPath(new URL(`./read-only/${name}`, import.meta.url));
}
