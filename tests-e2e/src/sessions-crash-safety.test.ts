import type { ChildProcess } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type LoopbackServer, reply } from '@strands-cli/test-servers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDocument } from './reliability-harness.js';
import {
  deterministicAnswer,
  journaledKeys,
  journalLines,
  mulberry32,
  pickPositions,
  readArtifacts,
  removeScenarios,
  requestKey,
  type SessionPattern,
  sessionsScenario,
  startDeterministicServer,
} from './sessions-harness.js';

/** How many model requests an uninterrupted run of each fixture makes (the reference run checks it). */
const requestsPerRun: Readonly<Record<SessionPattern, number>> = {
  chain: 4,
  workflow: 4,
  parallel: 7,
  routing: 3,
};

// Seeded, so that a failure names a kill position that reproduces on every machine.
const random = mulberry32(0x5e55_1075);
const cases = (Object.keys(requestsPerRun) as SessionPattern[]).map((pattern) => ({
  pattern,
  positions: pickPositions(random, requestsPerRun[pattern], 2),
}));

/** Polls `ready` every 10 ms until it holds. */
async function until(ready: () => Promise<boolean>): Promise<void> {
  while (!(await ready())) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe.each(cases)('kill -9 during a $pattern run, then --resume (built CLI)', ({ pattern, positions }) => {
  let server: LoopbackServer;
  let reference: Record<string, string>;
  let referenceKeys: string[];
  beforeAll(async () => {
    server = await startDeterministicServer();
    const scenario = await sessionsScenario(pattern, server);
    const run = await scenario.run(['run', scenario.spec, '--out', 'out']);
    expect(run.code, run.stderr).toBe(0);
    reference = await readArtifacts(join(scenario.dir, 'out'));
    referenceKeys = server.requests.map(requestKey);
    expect(referenceKeys).toHaveLength(requestsPerRun[pattern]);
    // Each step's request is unique, so requests can be told apart by their user message.
    expect(new Set(referenceKeys).size).toBe(referenceKeys.length);
  });
  afterAll(async () => {
    await server.close();
    await removeScenarios();
  });

  it.each(positions)(
    'killed when request %i arrives: the resume repeats no answered request and writes the same artifacts',
    async (position) => {
      server.reset();
      const scenario = await sessionsScenario(pattern, server);
      let child: ChildProcess | undefined;
      const answered = new Set<string>();
      let stalled = 0;
      let killing = false;
      server.setResponder((request) => {
        if (!killing && request.index < position - 1) {
          answered.add(requestKey(request));
          return deterministicAnswer(request);
        }
        stalled += 1;
        if (!killing) {
          killing = true;
          // Killed once every answer the server gave is on disk: those are the completed requests,
          // which the resume must never send again; the stalled ones are in flight and may be.
          void (async () => {
            const [id] = await readdir(scenario.sessionsDir);
            // A process that died by itself ends the wait too (the test then fails on its exit).
            await until(
              async () =>
                child?.exitCode !== null ||
                (await journalLines(scenario.sessionsDir, id as string)) >= answered.size,
            );
            child?.kill('SIGKILL');
          })();
        }
        return reply.stall();
      });
      const killed = await scenario.run(['run', scenario.spec, '--out', 'out'], {
        onSpawn: (spawned) => {
          child = spawned;
        },
      });
      expect(killed.signal).toBe('SIGKILL');
      const firstProcess = server.requests.length;
      expect(firstProcess).toBe(position + stalled - 1);

      const [id] = await readdir(scenario.sessionsDir);
      // Every answer the killed process received is on disk, and nothing else is.
      expect(new Set(await journaledKeys(scenario.sessionsDir, id as string))).toEqual(answered);
      server.setResponder(deterministicAnswer);
      const resumed = await scenario.run(['run', '--resume', id as string, '--json']);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stderr).toContain(`Note: session ${id} was left locked by process`);
      const document = runDocument(resumed) as ReturnType<typeof runDocument> & {
        sessionId: string;
        journal: { replayed: number; recorded: number };
      };
      expect(document.sessionId).toBe(id);
      expect(document.journal.replayed).toBe(answered.size);
      expect(await readArtifacts(join(scenario.dir, 'out'))).toEqual(reference);

      const resumedKeys = server.requests.slice(firstProcess).map(requestKey);
      expect(resumedKeys.filter((key) => answered.has(key))).toEqual([]);
      expect(new Set([...answered, ...resumedKeys])).toEqual(new Set(referenceKeys));
      expect(server.requests.length).toBeLessThanOrEqual(requestsPerRun[pattern] + stalled);
    },
  );
});
