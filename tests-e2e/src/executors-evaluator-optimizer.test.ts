import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { reply } from '@strands-cli/test-servers';
import { describe, expect } from 'vitest';
import { essayModel, sentMessages, verdict, workspace } from './executors-evaluator-optimizer-harness.js';
import { artifactsIn, executorFixture, it, runSpec, userMessage } from './executors-harness.js';
import { journalLines } from './sessions-harness.js';

const essay = executorFixture('evaluator-optimizer-essay');
const gated = executorFixture('evaluator-optimizer-gate');

describe('the evaluator_optimizer executor, through the built CLI', () => {
  it('revises once and accepts on iteration 2, with the history in the artifact', async ({ server }) => {
    server.setResponder(essayModel({ 'DRAFT-1': verdict(50, 'no intro'), 'DRAFT-2': verdict(85) }));
    const run = await runSpec(essay, server);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json).toMatchObject({ ok: true, response: 'DRAFT-2', agentId: 'writer' });
    const sent = sentMessages(server);
    expect(sent).toHaveLength(4);
    expect(sent[0]).toBe('Write a short essay about tea.');
    expect(sent[1]).toMatch(
      /^Score this essay:\nDRAFT-1\n\nRespond with valid JSON: \{"score": <integer 0-100>/,
    );
    expect(sent[2]).toBe('Revise (iteration 1, score 50): no intro\nDRAFT-1');
    expect((await artifactsIn(run.out))['essay.md']).toBe('DRAFT-2\nscore 85 after 2: 50 85 ');
  });

  it('fails with exit 10 and the score history when min_score is never reached', async ({ server }) => {
    server.setResponder(
      essayModel({ 'DRAFT-1': verdict(40), 'DRAFT-2': verdict(55), 'DRAFT-3': verdict(70) }),
    );
    const run = await runSpec(essay, server);
    expect(run.code).toBe(10);
    expect(run.json.error?.message).toContain(
      'did not reach min_score 80 in 3 iteration(s); scores: 40, 55, 70',
    );
    expect(server.requests).toHaveLength(6);
    expect(await artifactsIn(run.out)).toEqual({});
  });

  it('recovers a malformed evaluation with one clarification, and fails clearly on a second', async ({
    server,
  }) => {
    server.setResponder(essayModel({ 'DRAFT-1': ['Looks great!', '```json\n{"score": 90}\n```'] }));
    const recovered = await runSpec(essay, server);
    expect(recovered.code, recovered.stderr).toBe(0);
    expect(sentMessages(server)[2]).toContain('Your previous response could not be used: no JSON object');

    server.reset();
    server.setResponder(essayModel({ 'DRAFT-1': ['Looks great!', 'Score: 9/10'] }));
    const failed = await runSpec(essay, server);
    expect(failed.code).toBe(10);
    expect(failed.json.error?.message).toContain('even after a clarification');
    expect(failed.json.error?.message).toContain('last response: "Score: 9/10"');
    expect(server.requests).toHaveLength(3);
  });

  it('pauses at the review gate (exit 19) and resumes with the answer as reviewer feedback', async ({
    server,
  }) => {
    server.setResponder(essayModel({ 'DRAFT-1': verdict(30), 'DRAFT-2': verdict(90) }));
    const space = await workspace(server);
    const paused = await space.run(['run', gated, '--out', 'out', '--json']);
    expect(paused.code, paused.stderr).toBe(19);
    expect(JSON.parse(paused.stdout)).toMatchObject({
      status: 'paused',
      pending: [{ prompt: 'approve, continue or feedback?', contextDisplay: 'Iteration 1 scored 30' }],
    });
    const id = await space.sessionId();
    const resumed = await space.run(['run', '--resume', id, '--hitl-response', 'add a title', '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ ok: true, response: 'DRAFT-2' });
    const sent = sentMessages(server);
    // The producer's and evaluator's first answers came from the journal: each was asked once.
    expect(sent.filter((text) => text.startsWith('Write a short essay'))).toHaveLength(1);
    expect(sent.at(-2)).toBe(
      'Revise (iteration 1, reviewer said add a title):\nDRAFT-1\n\nReviewer feedback:\nadd a title',
    );
  });

  it('repeats no completed invocation after kill -9 mid-loop and --resume', async ({ server }) => {
    const model = essayModel({ 'DRAFT-1': verdict(40), 'DRAFT-2': verdict(60), 'DRAFT-3': verdict(95) });
    const space = await workspace(server);
    let child: ChildProcess | undefined;
    server.setResponder((request) => {
      // Answers the first three requests (draft 1, its verdict, draft 2) and stalls the fourth.
      if (request.index < 3) return model(request);
      void (async () => {
        const id = await space.sessionId();
        while ((await journalLines(space.sessionsDir, id)) < 3) await new Promise((r) => setTimeout(r, 10));
        child?.kill('SIGKILL');
      })();
      return reply.stall();
    });
    const killed = await space.run(['run', essay, '--out', 'out', '--json'], (spawned) => {
      child = spawned;
    });
    expect(killed.signal).toBe('SIGKILL');
    const answered = sentMessages(server).slice(0, 3);
    const before = server.requests.length;
    server.setResponder(model);
    const resumed = await space.run(['run', '--resume', await space.sessionId(), '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ ok: true, response: 'DRAFT-3' });
    const after = sentMessages(server).slice(before);
    expect(after.filter((text) => answered.includes(text))).toEqual([]);
    // The stalled evaluation of draft 2, then revision 2 and its evaluation.
    expect(after).toHaveLength(3);
    expect((await artifactsIn(join(space.dir, 'out')))['essay.md']).toBe(
      'DRAFT-3\nscore 95 after 3: 40 60 95 ',
    );
  });

  it('plans the loop labelled with the score test', async ({ server }) => {
    const space = await workspace(server);
    const plan = await space.run(['plan', gated, '--format', 'mermaid']);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain('n1 -->|"score #lt; min_score (80)"| n2');
    expect(plan.stdout).toContain('n2 -->|"revise"| n0');
  });

  it('runs the `strands init --pattern evaluator_optimizer` starter', async ({ server }) => {
    const space = await workspace(server);
    const init = await space.run(['init', 'flow.yaml', '--pattern', 'evaluator_optimizer']);
    expect(init.code, init.stderr).toBe(0);
    server.setResponder((request) =>
      userMessage(request).startsWith('Score this description')
        ? reply.text(verdict(88))
        : reply.text('A fine bottle.'),
    );
    const run = await space.run(['run', 'flow.yaml', '--out', 'out', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, response: 'A fine bottle.' });
    expect(server.requests).toHaveLength(2);
  });
});
