import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  descendantsOf,
  endProcesses,
  endTreeOnceRootEnds,
  processRef,
  stillRunning,
} from './process-tree.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A fake `/proc` with one process per `[pid, ppid, state]` (start time 1000 + pid). */
function fakeProc(processes: ReadonlyArray<readonly [number, number, string]>): string {
  const root = mkdtempSync(join(tmpdir(), 'strands-proc-'));
  roots.push(root);
  for (const [pid, ppid, state] of processes) writeStat(root, pid, ppid, state);
  mkdirSync(join(root, 'self'));
  return root;
}
function writeStat(root: string, pid: number, ppid: number, state: string) {
  mkdirSync(join(root, String(pid)), { recursive: true });
  const rest = [state, ppid, ...Array.from({ length: 17 }, () => 0), 1000 + pid, 0].join(' ');
  writeFileSync(join(root, String(pid), 'stat'), `${pid} (node (my) server) ${rest}\n`);
}

describe('the processes below an MCP server', () => {
  it('finds children and grandchildren, not siblings or the root itself', () => {
    const proc = fakeProc([
      [10, 1, 'S'],
      [11, 10, 'S'],
      [12, 11, 'S'],
      [13, 1, 'S'],
      [14, 12, 'R'],
    ]);
    expect(descendantsOf(10, proc)).toEqual([
      { pid: 11, startTime: '1011' },
      { pid: 12, startTime: '1012' },
      { pid: 14, startTime: '1014' },
    ]);
    expect(descendantsOf(13, proc)).toEqual([]);
  });

  it('finds nothing where there is no /proc', () => {
    expect(descendantsOf(10, join(tmpdir(), 'no-such-proc-root'))).toEqual([]);
  });

  it('does not count a zombie or a new process on a reused pid as running', () => {
    const proc = fakeProc([
      [20, 1, 'Z'],
      [21, 1, 'S'],
    ]);
    expect(stillRunning({ pid: 20, startTime: '1020' }, proc)).toBe(false);
    expect(stillRunning({ pid: 21, startTime: '1021' }, proc)).toBe(true);
    expect(stillRunning({ pid: 21, startTime: '5' }, proc)).toBe(false);
    expect(stillRunning({ pid: 22, startTime: '1022' }, proc)).toBe(false);
  });

  it('sends SIGTERM, then SIGKILL to whatever still runs after the grace period', async () => {
    const proc = fakeProc([
      [30, 1, 'S'],
      [31, 1, 'S'],
      [32, 1, 'Z'],
    ]);
    const sent: string[] = [];
    const kill = (pid: number, signal: NodeJS.Signals) => {
      sent.push(`${signal} ${pid}`);
      // 30 ends on SIGTERM; 31 ignores it and ends only on SIGKILL.
      if (pid === 30 || signal === 'SIGKILL') rmSync(join(proc, String(pid)), { recursive: true });
    };
    const refs = [30, 31, 32].map((pid) => ({ pid, startTime: String(1000 + pid) }));
    await endProcesses(refs, { graceMs: 100, procRoot: proc, kill, pollMs: 10 });
    expect(sent).toEqual(['SIGTERM 30', 'SIGTERM 31', 'SIGKILL 31']);
    expect(refs.filter((ref) => stillRunning(ref, proc))).toEqual([]);
  });
});

describe('ending the processes below a server once it has ended', () => {
  it('waits for the root to end, then ends the rest', async () => {
    const proc = fakeProc([
      [40, 1, 'S'],
      [41, 40, 'S'],
    ]);
    const sent: string[] = [];
    const kill = (pid: number, signal: NodeJS.Signals) => {
      sent.push(`${signal} ${pid}`);
      rmSync(join(proc, String(pid)), { recursive: true });
    };
    const root = processRef(40, proc);
    expect(root).toEqual({ pid: 40, startTime: '1040' });
    const tree = descendantsOf(40, proc);
    const ending = endTreeOnceRootEnds(root, tree, new Promise(() => undefined), {
      graceMs: 100,
      procRoot: proc,
      kill,
      pollMs: 5,
    });
    // The launcher exits (on the SDK's SIGTERM) without ending its child.
    writeStat(proc, 40, 1, 'Z');
    await ending;
    expect(sent).toEqual(['SIGTERM 41']);
  });

  it('ends the rest once the close settles, even if the root still runs', async () => {
    const proc = fakeProc([
      [50, 1, 'S'],
      [51, 50, 'S'],
    ]);
    const sent: string[] = [];
    const kill = (pid: number, signal: NodeJS.Signals) => {
      sent.push(`${signal} ${pid}`);
      rmSync(join(proc, String(pid)), { recursive: true });
    };
    await endTreeOnceRootEnds(processRef(50, proc), descendantsOf(50, proc), Promise.resolve(), {
      graceMs: 100,
      procRoot: proc,
      kill,
      pollMs: 5,
    });
    expect(sent).toEqual(['SIGTERM 51']);
  });
});
