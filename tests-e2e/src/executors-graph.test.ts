import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type LoopbackServer,
  type RecordedRequest,
  reply,
  type ScriptedReply,
} from '@strands-cli/test-servers';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { afterEach, describe, expect } from 'vitest';
import { artifactsIn, executorFixture, it, runSpec, userMessage } from './executors-harness.js';
import { journalLines } from './sessions-harness.js';

/** The writer answers `DRAFT vN` to "Write draft N"; the reviewer approves draft `approveAt` only. */
function loopResponder(approveAt: number): (request: RecordedRequest) => ScriptedReply {
  return (request) => {
    const text = userMessage(request);
    const draft = /^Write draft (\d+)/.exec(text);
    if (draft) return reply.text(`DRAFT v${draft[1]}`);
    if (text.startsWith('Review:')) return reply.text(text.includes(`v${approveAt}`) ? 'APPROVED' : 'redo');
    return reply.text(`PUBLISHED ${text}`);
  };
}

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A folder with its own sessions, and `strands <args>` run in it against `server`. */
async function workspace(server: LoopbackServer) {
  const dir = await mkdtemp(join(tmpdir(), 'strands-e2e-graph-'));
  folders.push(dir);
  const sessionsDir = join(dir, 'sessions');
  const env = { OLLAMA_HOST: server.url, STRANDS_SESSIONS_DIR: sessionsDir };
  return {
    dir,
    sessionsDir,
    run: (args: readonly string[], onSpawn?: (child: ChildProcess) => void) =>
      runCli(args, { cwd: dir, env, timeoutMs: 20_000, ...(onSpawn ? { onSpawn } : {}) }),
  };
}

describe('the graph executor, through the built CLI', () => {
  it('loops until the condition holds, then ends at the node without an edge', async ({ server }) => {
    server.setResponder(loopResponder(2));
    const run = await runSpec(executorFixture('graph-loop'), server, { topic: 'tides' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.json).toMatchObject({ ok: true, response: 'PUBLISHED Publish: DRAFT v2', agentId: 'writer' });
    expect(server.requests.map(userMessage)).toEqual([
      'Write draft 1 on tides. ',
      'Review: DRAFT v1',
      'Write draft 2 on tides. redo',
      'Review: DRAFT v2',
      'Publish: DRAFT v2',
    ]);
    expect(await artifactsIn(run.out)).toEqual({
      'report.md': 'publish after 5 steps, 2 drafts: PUBLISHED Publish: DRAFT v2',
    });
  });

  it('stops a loop at max_iterations with exit 20 naming the loop', async ({ server }) => {
    server.setResponder(loopResponder(99));
    const run = await runSpec(executorFixture('graph-loop'), server, { topic: 'tides' });
    expect(run.code).toBe(20);
    expect(run.json.error?.message).toBe(
      'Node `draft` would run more than max_iterations (3) times, in the loop draft → review',
    );
    expect(run.json.error?.hint).toContain('pattern.config.max_iterations');
    expect(server.requests).toHaveLength(6);
    expect(await artifactsIn(run.out)).toEqual({});
  });

  it('stops an endless loop at runtime.budgets.max_steps with exit 20', async ({ server }) => {
    server.setResponder(loopResponder(99));
    const run = await runSpec(executorFixture('graph-max-steps'), server);
    expect(run.code).toBe(20);
    expect(run.json.error?.message).toMatch(
      /^The graph would run more than 5 nodes \(runtime\.budgets\.max_steps\)/,
    );
    expect(run.json.error?.message).toMatch(/draft → review|review → draft/);
    expect(server.requests).toHaveLength(5);
  });

  it('runs the targets of a multi-target `to` in parallel and continues from the last', async ({
    server,
  }) => {
    server.setResponder((request) => reply.text(`<${userMessage(request)}>`, { delayMs: 100 }));
    const run = await runSpec(executorFixture('graph-fan-out'), server);
    expect(run.code, run.stderr).toBe(0);
    expect(server.stats().maxInFlight).toBe(2);
    expect(server.requests).toHaveLength(4);
    expect(run.json.response).toBe('<Join <Left of <Start>> and <Right of <Start>>>');
  });

  it('pauses at a human node (exit 19), then resumes with the answer without repeating a call', async ({
    server,
  }) => {
    server.setResponder((request) => reply.text(`<${userMessage(request)}>`));
    const space = await workspace(server);
    const paused = await space.run(['run', executorFixture('graph-hitl'), '--var', 'topic=tea']);
    expect(paused.code, paused.stderr).toBe(19);
    expect(paused.stderr).toContain('Approve the plan? (yes/no)');
    expect(server.requests.map(userMessage)).toEqual(['Plan tea ']);
    const [id] = await readdir(space.sessionsDir);
    const again = await space.run(['run', '--resume', id as string, '--hitl-response', 'no', '--json']);
    // "no" loops back to a new plan, which sees the answer, and asks again.
    expect(again.code, again.stderr).toBe(19);
    expect(server.requests.map(userMessage)).toEqual(['Plan tea ', 'Plan tea no']);
    const done = await space.run(['run', '--resume', id as string, '--hitl-response', 'yes', '--json']);
    expect(done.code, done.stderr).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ ok: true, response: '<Execute <Plan tea no> (yes)>' });
    expect(server.requests.map(userMessage)).toEqual([
      'Plan tea ',
      'Plan tea no',
      'Execute <Plan tea no> (yes)',
    ]);
  });

  it('validate locates a condition reading an unknown node and a node nothing leads to', async ({
    server,
  }) => {
    const space = await workspace(server);
    const run = await space.run(['validate', executorFixture('graph-invalid')]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      'graph-invalid.yaml:21:7 /pattern/config/nodes/orphan: node `orphan` can never run',
    );
    expect(run.stderr).toContain(
      'graph-invalid.yaml:29:31 /pattern/config/edges/1/choose/0/when: template: `nodes.reviw.response` is undefined here',
    );
    expect(run.stderr).toContain('did you mean `nodes.review`?');
    expect(server.requests).toHaveLength(0);
  });

  it('plan --format mermaid draws the loop with its conditions as edge labels', async ({ server }) => {
    const space = await workspace(server);
    const run = await space.run(['plan', executorFixture('graph-loop'), '--format', 'mermaid']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      [
        'flowchart TD',
        '  n0["draft (writer)"]',
        '  n1["review (reviewer)"]',
        '  n2["publish (writer)"]',
        '  n0 --> n1',
        `  n1 -->|"'APPROVED' in nodes.review.response"| n2`,
        '  n1 -->|"else"| n0',
        '',
      ].join('\n'),
    );
  });

  it('killed (-9) mid-loop, --resume repeats no completed call', async ({ server }) => {
    const space = await workspace(server);
    const answer = loopResponder(3);
    let child: ChildProcess | undefined;
    let killing = false;
    // The fourth call (the second review) never gets an answer: the process is killed once the
    // three answered calls are in the journal.
    server.setResponder((request) => {
      if (request.index < 3) return answer(request);
      if (!killing) {
        killing = true;
        void (async () => {
          for (;;) {
            const [id] = await readdir(space.sessionsDir).catch(() => [] as string[]);
            if (
              child?.exitCode !== null ||
              (id !== undefined && (await journalLines(space.sessionsDir, id)) >= 3)
            )
              break;
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
          child?.kill('SIGKILL');
        })();
      }
      return reply.stall();
    });
    const killed = await space.run(
      ['run', executorFixture('graph-loop'), '--var', 'topic=tides'],
      (spawned) => {
        child = spawned;
      },
    );
    expect(killed.signal).toBe('SIGKILL');
    const answered = server.requests.slice(0, 3).map(userMessage);
    const [id] = await readdir(space.sessionsDir);
    server.setResponder(answer);
    const resumed = await space.run(['run', '--resume', id as string, '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ ok: true, response: 'PUBLISHED Publish: DRAFT v3' });
    const afterResume = server.requests.slice(4).map(userMessage);
    expect(afterResume.filter((text) => answered.includes(text))).toEqual([]);
    expect(afterResume).toEqual([
      'Review: DRAFT v2',
      'Write draft 3 on tides. redo',
      'Review: DRAFT v3',
      'Publish: DRAFT v3',
    ]);
  });

  it('`strands init --pattern graph` writes a starter that validates and runs', async ({ server }) => {
    const space = await workspace(server);
    expect((await space.run(['init', '--pattern', 'graph'])).code).toBe(0);
    expect((await space.run(['validate', 'workflow.yaml'])).code).toBe(0);
    let reviews = 0;
    server.setResponder((request) => {
      if (userMessage(request).startsWith('Review'))
        return reply.text(++reviews === 2 ? 'APPROVED' : 'Be shorter.');
      return reply.text(`TEXT ${server.requests.length}`);
    });
    const run = await space.run(['run', 'workflow.yaml', '--var', 'topic=tides', '--json', '--out', 'out']);
    expect(run.code, run.stderr).toBe(0);
    expect(server.requests).toHaveLength(5);
    expect(userMessage(server.requests[2] as RecordedRequest)).toContain('Address this review: Be shorter.');
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, response: 'TEXT 5' });
  });
});
