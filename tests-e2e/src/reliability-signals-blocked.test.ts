import type { ChildProcess } from 'node:child_process';
import { type LoopbackServer, reply } from '@strands-cli/test-servers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filesUnder, prepareSpec, providerTarget, runPrepared } from './reliability-harness.js';

const target = providerTarget('openai');

/**
 * Makes the run's thread spin in synchronous code (a hidden test hook), the way a runaway loop in a
 * template or a tool would: no JavaScript on that thread can answer a signal any more.
 */
const blocked = { STRANDS_TEST_BLOCK_EVENT_LOOP: '1' };

/** Sends the signals, one after the other, once the run says its thread is blocked. */
function signalsWhenBlocked(signals: readonly NodeJS.Signals[]): (child: ChildProcess) => void {
  return (child) => {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      const before = stderr;
      stderr += chunk.toString();
      if (!before.includes('blocking the event loop') && stderr.includes('blocking the event loop')) {
        for (const [index, signal] of signals.entries()) {
          setTimeout(() => child.kill(signal), 50 * index);
        }
      }
    });
  };
}

describe('signals win over a blocked event loop, through the built CLI', () => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await target.start();
  });
  afterEach(() => server.close());

  it.each([
    {
      name: 'SIGINT then SIGTERM',
      signals: ['SIGINT', 'SIGTERM'] as const,
      env: {} as Record<string, string>,
    },
    // One signal: the shutdown grace (shortened here) runs out, then the process exits anyway.
    { name: 'SIGINT alone', signals: ['SIGINT'] as const, env: { STRANDS_SHUTDOWN_GRACE_S: '0.2' } },
    { name: 'SIGTERM alone', signals: ['SIGTERM'] as const, env: { STRANDS_SHUTDOWN_GRACE_S: '0.2' } },
  ])('$name: exit 130 by itself, nothing written', async ({ signals, env }) => {
    server.enqueue(reply.text('never asked'));
    const prepared = await prepareSpec('one-step', target);
    const run = await runPrepared(prepared, target, server, {
      env: { ...blocked, ...env },
      onSpawn: signalsWhenBlocked(signals),
    });
    // Not killed by the harness (that would be SIGKILL with no code): the process exited on its own.
    expect(run.signal).toBeNull();
    expect(run.code).toBe(130);
    expect(run.stdout).toBe('');
    expect(server.requests).toHaveLength(0);
    expect(await filesUnder(prepared.out)).toEqual([]);
  });
});
