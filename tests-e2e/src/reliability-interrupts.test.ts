import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type LoopbackServer, type RecordedRequest, reply } from '@strands-cli/test-servers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  filesUnder,
  type PreparedSpec,
  prepareSpec,
  providerTargets,
  runDocument,
  runPrepared,
  signalWhen,
} from './reliability-harness.js';

const branches = ['north', 'south', 'east', 'west'] as const;

/** The branch a request of the parallel fixture belongs to (each protocol words its body differently). */
function branchOf(request: RecordedRequest): string | undefined {
  return branches.find((branch) => request.rawBody.includes(`branch ${branch}`));
}

/**
 * A file the user already had in `--out`: a stopped run must leave it exactly as it was, and add
 * nothing next to it (no artifact, no temporary file).
 */
async function withExistingFile(prepared: PreparedSpec): Promise<void> {
  await mkdir(prepared.out, { recursive: true });
  await writeFile(join(prepared.out, 'keep.txt'), 'mine\n');
}

async function expectOutUntouched(prepared: PreparedSpec): Promise<void> {
  expect(await filesUnder(prepared.out)).toEqual(['keep.txt']);
  expect(await readFile(join(prepared.out, 'keep.txt'), 'utf8')).toBe('mine\n');
}

describe.each(providerTargets)('stopping a parallel run on $id, through the built CLI', (target) => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await target.start();
  });
  afterEach(() => server.close());

  it('crossing max_tokens mid-run: exit 20 naming the budget, running branches cancelled', async () => {
    // North answers (late, so that the other three are in flight by then) with more tokens than the
    // budget allows; the others would never answer.
    server.setResponder((request) =>
      branchOf(request) === 'north'
        ? reply.text('huge answer', { usage: { input: 400, output: 200 }, delayMs: 500 })
        : reply.stall(),
    );
    const prepared = await prepareSpec('parallel-four', target, (spec) => {
      spec.runtime.budgets = { max_tokens: 500 };
    });
    await withExistingFile(prepared);
    const run = await runPrepared(prepared, target, server, { flags: ['--json'] });
    expect(run.code).toBe(20);
    expect(runDocument(run).error?.message).toMatch(/max_tokens limit is 500, used 600/);
    expect(run.stderr).toMatch(/Budget exceeded: max_tokens/);
    expect(server.requests).toHaveLength(4);
    // Stalled requests end only when the client gives up: all three were cancelled.
    await server.waitForConnectionsClosed();
    expect(server.stats().inFlight).toBe(0);
    await expectOutUntouched(prepared);
  });

  it('crossing max_duration_s mid-run: exit 20 naming the budget, every branch cancelled', async () => {
    server.setResponder(() => reply.stall());
    const prepared = await prepareSpec('parallel-four', target, (spec) => {
      spec.runtime.budgets = { max_duration_s: 2 };
    });
    await withExistingFile(prepared);
    const run = await runPrepared(prepared, target, server);
    expect(run.code).toBe(20);
    expect(run.stderr).toMatch(/Budget exceeded: max_duration_s limit is 2,/);
    expect(run.stderr).toMatch(/fix: Raise runtime\.budgets\.max_duration_s/);
    expect(server.requests).toHaveLength(4);
    await server.waitForConnectionsClosed();
    expect(server.stats().inFlight).toBe(0);
    await expectOutUntouched(prepared);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s with four requests in flight: exit 130, requests aborted, nothing written, no socket left',
    async (signal) => {
      server.setResponder(() => reply.stall());
      const prepared = await prepareSpec('parallel-four', target);
      await withExistingFile(prepared);
      // The requests stall until the client gives up, and the provider's own timeouts are minutes long,
      // so a run that ignored the signal would sit until the harness kills it (SIGKILL, no exit code).
      // Exiting 130 by itself is the bound; how quickly it does so is a benchmark question, not a test's.
      const run = await runPrepared(prepared, target, server, {
        onSpawn: signalWhen(signal, () => server.stats().inFlight === 4),
      });
      expect(run.signal).toBeNull();
      expect(run.code).toBe(130);
      expect(run.stderr).toMatch(new RegExp(`Interrupted by ${signal}`));
      expect(run.stdout).toBe('');
      // No retry after the interrupt: the four stalled requests are all the server ever saw.
      expect(server.requests).toHaveLength(4);
      await server.waitForConnectionsClosed();
      expect(server.stats().inFlight).toBe(0);
      await expectOutUntouched(prepared);
    },
  );
});
