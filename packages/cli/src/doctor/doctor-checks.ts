import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DiagnosticV1 } from '@strands-cli/core/spec';

/** The oldest Node this version supports. */
export const minimumNode = '20.19.0';

/** One line of the doctor report. A `note` is worth knowing but counts as neither warning nor problem. */
export interface DoctorLine {
  readonly status: 'ok' | 'note' | 'warn' | 'error';
  readonly text: string;
  readonly fix?: string;
}

/** True when `version` (e.g. `20.19.1`) is at least `minimum`. */
export function versionAtLeast(version: string, minimum: string): boolean {
  const parse = (value: string) =>
    value
      .replace(/^v/, '')
      .split('.')
      .map((part) => Number.parseInt(part, 10) || 0);
  const have = parse(version);
  const need = parse(minimum);
  for (let index = 0; index < need.length; index += 1) {
    const difference = (have[index] ?? 0) - (need[index] ?? 0);
    if (difference !== 0) return difference > 0;
  }
  return true;
}

/** The Node check. */
export function nodeLine(version: string = process.versions.node): DoctorLine {
  return versionAtLeast(version, minimumNode)
    ? { status: 'ok', text: `Node ${version} (needs ${minimumNode} or later)` }
    : { status: 'error', text: `Node ${version} is too old`, fix: `Install Node ${minimumNode} or later.` };
}

/** The installed version of a package, looking up `node_modules` from each directory in order. */
export function installedVersion(packageName: string, searchFrom: readonly string[]): string | undefined {
  for (const base of searchFrom) {
    let directory = resolve(base);
    for (;;) {
      const manifest = join(directory, 'node_modules', packageName, 'package.json');
      if (existsSync(manifest)) {
        try {
          return String((JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown }).version ?? '?');
        } catch {
          return '?';
        }
      }
      const parent = dirname(directory);
      if (parent === directory) break;
      directory = parent;
    }
  }
  return undefined;
}

/** Maps a plugin's diagnostics to doctor lines. */
export function diagnosticLines(diagnostics: readonly DiagnosticV1[]): DoctorLine[] {
  return diagnostics.map((diagnostic) => ({
    status: diagnostic.ok ? 'ok' : diagnostic.severity === 'warn' ? 'warn' : 'error',
    text: `${diagnostic.check}: ${diagnostic.detail}`,
  }));
}

/** Runs `diagnose` with a deadline, so an unreachable endpoint cannot hang doctor. */
export async function withDeadline<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`no answer within ${ms / 1000} s`));
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
