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
  systemPrompt,
  userMessage,
} from './executors-harness.js';

describe('the workflow executor, through the built CLI', () => {
  it('runs examples/workflow-research-dag.yaml: DAG context, the sink as result, artifacts', async ({
    server,
  }) => {
    // The two analyses wait a little so that they overlap: max_parallel (2) must be reached.
    answerByPrefix(server, [
      ['Collect notes on:', reply.text('NOTES')],
      ['From these notes, what are the main benefits', reply.text('BENEFITS', { delayMs: 300 })],
      ['From these notes, what are the main risks', reply.text('RISKS', { delayMs: 300 })],
      ['Write a brief on', reply.text('BRIEF')],
    ]);
    const run = await runSpec(example('workflow-research-dag'), server);
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ ok: true, response: 'BRIEF', agentId: 'writer' });
    expect(server.requests).toHaveLength(4);
    expect(userMessage(server.requests[0]!)).toBe('Collect notes on: heat pumps in cold climates');
    expect(userMessage(requestStartingWith(server, 'From these notes, what are the main risks'))).toContain(
      'NOTES',
    );
    const brief = requestStartingWith(server, 'Write a brief on');
    expect(userMessage(brief)).toContain('Benefits:\nBENEFITS');
    expect(userMessage(brief)).toContain('Risks:\nRISKS');
    expect(systemPrompt(brief)).toContain('You write clear one-page briefs');
    expect(server.requests.at(-1)).toBe(brief);
    expect(server.stats().maxInFlight).toBe(2);
    const artifacts = await artifactsIn(run.out);
    expect(artifacts['heat-pumps-in-cold-climates-brief.md']).toBe(
      '# Heat Pumps In Cold Climates\n\nBRIEF\n\n## Notes\nNOTES\n',
    );
  });

  it('builds each of two agents once over 20 tasks and fills max_parallel without exceeding it', async ({
    server,
  }) => {
    server.setResponder((request) => reply.text(`done ${userMessage(request)}`, { delayMs: 100 }));
    const run = await runSpec(executorFixture('workflow-twenty-tasks'), server);
    expect(run.code).toBe(0);
    expect(run.json.counts).toMatchObject({
      agentsBuilt: 2,
      agentsReused: 18,
      invocations: 20,
      requests: 20,
    });
    expect(run.json.response).toBe('done join done task 01 and done task 19');
    expect(run.stderr).not.toContain('Warning');
    expect(server.stats().maxInFlight).toBe(3);
    expect(server.stats().connections).toBeLessThanOrEqual(3);
    // The joining task starts only after all 19 others.
    expect(userMessage(server.requests.at(-1)!)).toMatch(/^join /);
    await server.waitForConnectionsClosed();
  });

  it('cancels the running tasks when one fails, never starts its dependant, and names task and agent', async ({
    server,
  }) => {
    // The failure comes after a short wait so that both slow requests are in flight when it arrives.
    answerByPrefix(server, [
      ['STALL', reply.stall()],
      ['FAIL', reply.error(400, { message: 'the model refused', delayMs: 300 })],
    ]);
    const run = await runSpec(executorFixture('workflow-fail-fast'), server);
    // Had the stalled requests not been aborted, the process would hang until runCli kills it.
    expect(run.signal).toBeNull();
    expect(run.code).toBe(10);
    expect(run.json).toMatchObject({ ok: false, exitCode: 10 });
    expect(run.json.error?.message).toMatch(/^task 'broken' \(agent 'faulty'\) failed: .*the model refused/);
    expect(run.stderr).toContain("task 'broken' (agent 'faulty') failed");
    expect(server.requests.map(userMessage).sort()).toEqual(['FAIL now', 'STALL one', 'STALL two']);
    await server.waitForConnectionsClosed();
    expect(await artifactsIn(run.out)).toEqual({});
  });
});
