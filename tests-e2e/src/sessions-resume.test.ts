import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type LoopbackServer, type RecordedRequest, reply } from '@strands-cli/test-servers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { filesUnder, runDocument, signalWhen } from './reliability-harness.js';
import {
  deterministicAnswer,
  journaledKeys,
  listSessions,
  onlySession,
  readArtifacts,
  removeScenarios,
  requestKey,
  type SessionPattern,
  type SessionsScenario,
  sessionsScenario,
  startDeterministicServer,
} from './sessions-harness.js';

/** The `--json` document of a run in a session. */
interface SessionRunDocument {
  readonly sessionId?: string;
  readonly exitCode?: number;
  readonly journal?: {
    readonly replayed: number;
    readonly recorded: number;
    readonly diverged?: { readonly position: string; readonly label: string };
  };
}

/** A responder that answers 500 forever to the request whose user message starts with `prefix`. */
function failing(prefix: string): (request: RecordedRequest) => ReturnType<typeof deterministicAnswer> {
  return (request) =>
    requestKey(request).startsWith(prefix)
      ? reply.error(500, { message: 'the model is down' })
      : deterministicAnswer(request);
}

/** The user messages of the requests received since `from`. */
function keysSince(server: LoopbackServer, from: number): string[] {
  return server.requests.slice(from).map(requestKey);
}

let server: LoopbackServer;
const references: Partial<Record<SessionPattern, { artifacts: Record<string, string>; keys: string[] }>> = {};
beforeAll(async () => {
  server = await startDeterministicServer();
  for (const pattern of ['chain', 'parallel'] as const) {
    server.reset();
    const scenario = await sessionsScenario(pattern, server);
    const run = await scenario.run(['run', scenario.spec, '--out', 'out', '--no-save-session']);
    expect(run.code, run.stderr).toBe(0);
    references[pattern] = {
      artifacts: await readArtifacts(join(scenario.dir, 'out')),
      keys: server.requests.map(requestKey),
    };
  }
  // Two whole CLI runs, each allowed the per-test timeout: a loaded machine must not fail the suite here.
}, 90_000);
afterAll(async () => {
  await server.close();
  await removeScenarios();
});
beforeEach(() => {
  server.reset();
  server.setResponder(deterministicAnswer);
});

/** Runs `scenario`'s spec with the step starting with `prefix` failing: exit 10, and the session's id. */
async function failedRun(scenario: SessionsScenario, prefix: string): Promise<string> {
  server.setResponder(failing(prefix));
  const run = await scenario.run(['run', scenario.spec, '--out', 'out']);
  expect(run.code, run.stderr).toBe(10);
  const { id, status } = await onlySession(scenario);
  expect(status).toBe('failed');
  expect(run.stderr).toContain(`resume it with \`strands run --resume ${id}\``);
  server.setResponder(deterministicAnswer);
  return id;
}

describe('resuming a failed run (built CLI, OpenAI loopback)', () => {
  it.each([
    { pattern: 'chain', failAt: 'chain three:' },
    { pattern: 'parallel', failAt: 'branch beta two:' },
  ] as const)(
    '$pattern failing at "$failAt" with a 500 forever: the resume makes only the remaining calls',
    async ({ pattern, failAt }) => {
      const scenario = await sessionsScenario(pattern, server);
      const id = await failedRun(scenario, failAt);
      // What the journal holds, not what the server sent: an answer still on its way when a sibling's
      // failure stopped the run was never received, and asking for it again is right.
      const journaled = await journaledKeys(scenario.sessionsDir, id);
      const sent = new Set(server.requests.map(requestKey));
      expect(journaled.length).toBeGreaterThan(0);
      expect(journaled.filter((key) => !sent.has(key))).toEqual([]);
      const before = server.requests.length;
      const resumed = await scenario.run(['run', '--resume', id]);
      expect(resumed.code, resumed.stderr).toBe(0);
      const reference = references[pattern];
      const remaining = reference?.keys.filter((key) => !journaled.includes(key)) ?? [];
      expect(remaining.length).toBeGreaterThan(0);
      expect(keysSince(server, before).sort()).toEqual(remaining.sort());
      expect(await readArtifacts(join(scenario.dir, 'out'))).toEqual(reference?.artifacts);
      expect((await onlySession(scenario)).status).toBe('completed');
    },
  );

  it('against an edited step 2: warns, runs steps 2 to 4 live, and reports where it diverged', async () => {
    const scenario = await sessionsScenario('chain', server);
    const id = await failedRun(scenario, 'chain three:');
    const edited = join(scenario.dir, 'edited.yaml');
    const text = await readFile(scenario.spec, 'utf8');
    await writeFile(edited, text.replace('"chain two: {{', '"chain two, edited: {{'));
    const before = server.requests.length;
    const resumed = await scenario.run(['run', '--resume', id, '--spec', edited, '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/step 2 changed since the session was saved/);
    const keys = keysSince(server, before);
    expect(keys.map((key) => key.split(':')[0])).toEqual(['chain two, edited', 'chain three', 'chain four']);
    const document = JSON.parse(resumed.stdout) as SessionRunDocument;
    expect(document.sessionId).toBe(id);
    expect(document.journal).toMatchObject({ replayed: 1, recorded: 3, diverged: { label: 'step 2' } });
  });
});

describe('choosing the session to resume (built CLI)', () => {
  it('--auto-resume picks the failed session of the spec and makes only its remaining call', async () => {
    const scenario = await sessionsScenario('chain', server);
    const id = await failedRun(scenario, 'chain four:');
    const before = server.requests.length;
    const resumed = await scenario.run(['run', scenario.spec, '--auto-resume', '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`Resuming session ${id} (failed`);
    expect((JSON.parse(resumed.stdout) as SessionRunDocument).sessionId).toBe(id);
    expect(keysSince(server, before).map((key) => key.split(':')[0])).toEqual(['chain four']);
  });

  it('--auto-resume starts fresh when no session is unfinished; resuming a completed one is exit 17', async () => {
    const scenario = await sessionsScenario('chain', server);
    const first = await scenario.run(['run', scenario.spec, '--auto-resume', '--json']);
    expect(first.code, first.stderr).toBe(0);
    const id = (JSON.parse(first.stdout) as SessionRunDocument).sessionId;
    const second = await scenario.run(['run', scenario.spec, '--auto-resume', '--force', '--json']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).not.toContain('Resuming session');
    expect(server.requests).toHaveLength(8);
    const listed = await listSessions(scenario);
    expect(listed.map((session) => session.status)).toEqual(['completed', 'completed']);
    expect(listed.map((session) => session.id)).toEqual([
      (JSON.parse(second.stdout) as SessionRunDocument).sessionId,
      id,
    ]);

    const again = await scenario.run(['run', '--resume', id as string]);
    expect(again.code).toBe(17);
    expect(again.stderr).toContain(`Session ${id} already completed; there is nothing to resume`);
    expect(again.stdout).toBe('');
    expect(server.requests).toHaveLength(8);
  });

  it('rejects an unknown id (17) and wrong flag combinations (2) before any request', async () => {
    const scenario = await sessionsScenario('chain', server);
    const unknown = await scenario.run(['run', '--resume', 'no-such-session']);
    expect(unknown.code).toBe(17);
    expect(unknown.stderr).toContain('no-such-session');
    const withSpec = await scenario.run(['run', scenario.spec, '--resume', 'no-such-session', '--json']);
    expect(withSpec.code).toBe(2);
    expect(withSpec.stderr).toContain('--resume takes the spec from the session');
    expect(JSON.parse(withSpec.stdout)).toMatchObject({ status: 'usage-error', ok: false, exitCode: 2 });
    const answerOnly = await scenario.run(['run', scenario.spec, '--hitl-response', 'approved']);
    expect(answerOnly.code).toBe(2);
    expect(answerOnly.stderr).toContain('--hitl-response answers a paused session');
    expect(server.requests).toHaveLength(0);
  });
});

describe('interrupting and not saving (built CLI)', () => {
  it('Ctrl-C while a request stalls: exit 130, the session is interrupted, and its resume completes', async () => {
    const scenario = await sessionsScenario('chain', server);
    server.setResponder((request) =>
      requestKey(request).startsWith('chain three:') ? reply.stall() : deterministicAnswer(request),
    );
    const interrupted = await scenario.run(['run', scenario.spec, '--out', 'out'], {
      onSpawn: signalWhen('SIGINT', () => server.requests.length === 3 && server.stats().inFlight === 1),
    });
    expect(interrupted.code).toBe(130);
    const { id } = await onlySession(scenario);
    expect(interrupted.stderr).toContain(`strands run --resume ${id}`);
    const shown = await scenario.run(['sessions', 'show', id, '--json']);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      session: { id, status: 'interrupted', error: { exitCode: 130 } },
      resume: `strands run --resume ${id}`,
    });

    server.setResponder(deterministicAnswer);
    const before = server.requests.length;
    const resumed = await scenario.run(['run', '--resume', id]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(keysSince(server, before).map((key) => key.split(':')[0])).toEqual(['chain three', 'chain four']);
    expect(await readArtifacts(join(scenario.dir, 'out'))).toEqual(references.chain?.artifacts);
  });

  it('--no-save-session leaves the sessions folder empty', async () => {
    const scenario = await sessionsScenario('workflow', server);
    const run = await scenario.run(['run', scenario.spec, '--out', 'out', '--no-save-session', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(runDocument(run).ok).toBe(true);
    expect((JSON.parse(run.stdout) as SessionRunDocument).sessionId).toBeUndefined();
    expect(await filesUnder(scenario.sessionsDir)).toEqual([]);
  });
});
