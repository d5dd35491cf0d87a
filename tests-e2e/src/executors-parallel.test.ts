import { reply } from '@strands-cli/test-servers';
import { describe, expect } from 'vitest';
import {
  answerByPrefix,
  artifactsIn,
  example,
  executorFixture,
  it,
  requestStartingWith,
  runSpec,
  userMessage,
} from './executors-harness.js';

describe('the parallel executor, through the built CLI', () => {
  it('runs examples/parallel-reviews.yaml: branch context, reduce over branches, artifacts', async ({
    server,
  }) => {
    // The first step of each branch waits a little so that the three branches overlap.
    answerByPrefix(server, [
      ['Review this draft for clarity', reply.text('CLARITY-LONG', { delayMs: 300 })],
      ['Condense this clarity review', reply.text('CLARITY-SHORT')],
      ['Review this draft for factual accuracy', reply.text('ACCURACY', { delayMs: 300 })],
      ['Review this draft for tone', reply.text('TONE', { delayMs: 300 })],
      ['Merge these reviews', reply.text('VERDICT: revise')],
    ]);
    const run = await runSpec(example('parallel-reviews'), server, {
      draft: 'Tides are caused by the wind.',
    });
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ ok: true, response: 'VERDICT: revise', agentId: 'editor' });
    expect(server.requests).toHaveLength(5);
    expect(userMessage(requestStartingWith(server, 'Review this draft for clarity'))).toBe(
      'Review this draft for clarity:\n\nTides are caused by the wind.',
    );
    // The second step of a branch sees its own branch's last_response.
    expect(userMessage(requestStartingWith(server, 'Condense this clarity review'))).toBe(
      'Condense this clarity review:\n\nCLARITY-LONG',
    );
    // Step vars reach the template.
    expect(userMessage(requestStartingWith(server, 'Review this draft for tone'))).toContain(
      '(a general audience)',
    );
    const merge = userMessage(requestStartingWith(server, 'Merge these reviews'));
    expect(merge).toContain('Clarity: CLARITY-SHORT');
    expect(merge).toContain('Accuracy: ACCURACY');
    expect(merge).toContain('Tone: TONE');
    expect(server.stats().maxInFlight).toBe(3);
    const artifacts = await artifactsIn(run.out);
    expect(artifacts['review.md']).toBe('# Review\n\nVERDICT: revise\n\n---\nClarity: CLARITY-SHORT\n');
  });

  it('cancels the other branches when one fails, skips reduce, and names branch, step and agent', async ({
    server,
  }) => {
    answerByPrefix(server, [
      ['STALL', reply.stall()],
      ['first step', reply.text('FIRST', { delayMs: 100 })],
      ['FAIL', reply.error(400, { message: 'the model refused' })],
    ]);
    const run = await runSpec(executorFixture('parallel-fail-fast'), server);
    // Had the stalled request not been aborted, the process would hang until runCli kills it.
    expect(run.signal).toBeNull();
    expect(run.code).toBe(10);
    expect(run.json.error?.message).toMatch(
      /^branch 'bad' step 2 \(agent 'faulty'\) failed: .*the model refused/,
    );
    expect(server.requests.map(userMessage).sort()).toEqual(['FAIL after FIRST', 'STALL slow', 'first step']);
    await server.waitForConnectionsClosed();
    expect(await artifactsIn(run.out)).toEqual({});
  });
});
