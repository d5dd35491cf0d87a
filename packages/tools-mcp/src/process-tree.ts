import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A process found under a server's process, identified by pid and start time (pids are reused). */
export interface ProcessRef {
  readonly pid: number;
  /** Field 22 of `/proc/<pid>/stat`: when the process started, in clock ticks since boot. */
  readonly startTime: string;
}

interface Stat {
  readonly ppid: number;
  readonly state: string;
  readonly startTime: string;
}

function readStat(procRoot: string, pid: number): Stat | undefined {
  try {
    const text = readFileSync(join(procRoot, String(pid), 'stat'), 'utf8');
    // The command name (field 2) may hold spaces and parentheses: the fields after it follow the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    const startTime = fields[19];
    if (!Number.isInteger(ppid) || startTime === undefined) return undefined;
    return { ppid, state: fields[0] ?? '', startTime };
  } catch {
    return undefined;
  }
}

/**
 * Every process below `rootPid` (children, their children...), read from `/proc`. A launcher such as
 * `npx` or `uvx` starts the real server as its child and may exit on SIGTERM without passing it on, so
 * closing a server must reach these too. Empty where there is no `/proc` (macOS, Windows).
 */
export function descendantsOf(rootPid: number, procRoot = '/proc'): ProcessRef[] {
  let entries: string[];
  try {
    entries = readdirSync(procRoot);
  } catch {
    return [];
  }
  const children = new Map<number, Array<{ pid: number; startTime: string }>>();
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const stat = readStat(procRoot, pid);
    if (stat === undefined) continue;
    const siblings = children.get(stat.ppid) ?? [];
    siblings.push({ pid, startTime: stat.startTime });
    children.set(stat.ppid, siblings);
  }
  const found: ProcessRef[] = [];
  const queue = [rootPid];
  const seen = new Set(queue);
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const child of children.get(next) ?? []) {
      if (seen.has(child.pid)) continue;
      seen.add(child.pid);
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}

/** The process running as `pid` now, or undefined when there is none (or no `/proc`). */
export function processRef(pid: number, procRoot = '/proc'): ProcessRef | undefined {
  const stat = readStat(procRoot, pid);
  return stat === undefined ? undefined : { pid, startTime: stat.startTime };
}

/** True while the very process `ref` names still runs (not a zombie, not a new process on its pid). */
export function stillRunning(ref: ProcessRef, procRoot = '/proc'): boolean {
  const stat = readStat(procRoot, ref.pid);
  return stat !== undefined && stat.startTime === ref.startTime && stat.state !== 'Z';
}

/** What {@link endProcesses} needs; tests pass a fake `/proc` and a recording `kill`. */
export interface EndProcessesOptions {
  readonly graceMs: number;
  readonly procRoot?: string;
  readonly kill?: (pid: number, signal: NodeJS.Signals) => void;
  readonly pollMs?: number;
}

/** Sends SIGTERM to each process still running, then SIGKILL to those still running after the grace period. */
export async function endProcesses(refs: readonly ProcessRef[], options: EndProcessesOptions): Promise<void> {
  const procRoot = options.procRoot ?? '/proc';
  const kill = options.kill ?? ((pid: number, signal: NodeJS.Signals) => process.kill(pid, signal));
  const signal = (targets: readonly ProcessRef[], name: NodeJS.Signals) => {
    for (const ref of targets) {
      try {
        kill(ref.pid, name);
      } catch {
        // Gone in the meantime.
      }
    }
  };
  let running = refs.filter((ref) => stillRunning(ref, procRoot));
  if (running.length === 0) return;
  signal(running, 'SIGTERM');
  const deadline = Date.now() + options.graceMs;
  while (running.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 50));
    running = running.filter((ref) => stillRunning(ref, procRoot));
  }
  signal(running, 'SIGKILL');
}

/**
 * Ends `tree` (the processes below `root`) as soon as `root` has ended or `closing` (the SDK's own
 * close of `root`) has settled, whichever comes first: a launcher that exits on SIGTERM leaves its
 * child holding the pipes, so the SDK would otherwise wait out its whole grace before returning.
 */
export async function endTreeOnceRootEnds(
  root: ProcessRef | undefined,
  tree: readonly ProcessRef[],
  closing: Promise<unknown>,
  options: EndProcessesOptions,
): Promise<void> {
  if (tree.length === 0) return;
  let settled = false;
  void closing.finally(() => {
    settled = true;
  });
  while (!settled && root !== undefined && stillRunning(root, options.procRoot)) {
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 50));
  }
  await endProcesses(tree, options);
}
