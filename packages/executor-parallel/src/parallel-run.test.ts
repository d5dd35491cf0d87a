import { ExitCode, StepFailedError } from '@strands-cli/core/spec';
import { createFakeExecutorContext, deferred } from '@strands-cli/core/testing';
import { describe, expect, it } from 'vitest';
import type { ParallelConfig } from './parallel-config.js';
import { runParallel } from './parallel-run.js';

type Step = { agent: string; input?: string; vars?: Record<string, string>; tool_overrides?: string[] };
type Branch = { id: string; steps: Step[] };
const config = (branches: Branch[], reduce?: Step): ParallelConfig =>
  ({ branches, ...(reduce ? { reduce } : {}) }) as unknown as ParallelConfig;

describe('runParallel', () => {
  it('aggregates branches sorted by id when there is no reduce', async () => {
    const context = createFakeExecutorContext({
      config: config([
        { id: 'zeta', steps: [{ agent: 'a', input: 'Z' }] },
        { id: 'alpha', steps: [{ agent: 'b', input: 'A' }] },
      ]),
      responder: (request) => `${request.input} answer`,
    });
    const result = await runParallel(context);
    expect(result.response).toBe('Branch alpha:\nA answer\n\n---\n\nBranch zeta:\nZ answer');
    expect(result.agentId).toBe('parallel');
    const branches = result.context.branches as Record<string, unknown>;
    expect(Object.keys(branches)).toEqual(['zeta', 'alpha']);
    expect(branches.alpha).toEqual({
      response: 'A answer',
      status: 'success',
      tokens_estimated: 5,
      usage: { input_tokens: 3, output_tokens: 2 },
    });
  });

  it("gives each step its own branch's steps and last_response, step vars on top", async () => {
    const context = createFakeExecutorContext({
      config: config([
        {
          id: 'web',
          steps: [
            { agent: 'a', input: '{{ topic }} first={{ last_response is defined }}' },
            {
              agent: 'b',
              input: '{{ last_response }}|{{ steps[0].response }}|{{ steps[0].index }}|{{ topic }}',
              vars: { topic: 'override' },
            },
          ],
        },
        { id: 'docs', steps: [{ agent: 'c', input: 'docs sees steps={{ steps | length }}' }] },
      ]),
      variables: { topic: 'tides' },
      responder: (request) => `[${request.input}]`,
    });
    const result = await runParallel(context);
    expect(result.response).toBe(
      'Branch docs:\n[docs sees steps=0]\n\n---\n\nBranch web:\n[[tides first=False]|[tides first=False]|0|override]',
    );
    const web = (result.context.branches as Record<string, { tokens_estimated: number }>).web;
    expect(web?.tokens_estimated).toBe(10);
  });

  it('passes tool_overrides as-is, [] meaning no tools', async () => {
    const context = createFakeExecutorContext({
      config: config([
        { id: 'none', steps: [{ agent: 'a', tool_overrides: [] }] },
        { id: 'own', steps: [{ agent: 'a' }] },
        { id: 'some', steps: [{ agent: 'a', tool_overrides: ['http_request'] }] },
      ]),
      responder: () => 'ok',
    });
    await runParallel(context);
    const overrides = Object.fromEntries(context.calls.map((call) => [call.step.label, call.toolOverrides]));
    expect(overrides).toEqual({
      "branch 'none' step 1": [],
      "branch 'own' step 1": undefined,
      "branch 'some' step 1": ['http_request'],
    });
  });

  it('runs the branches concurrently', async () => {
    const gate = deferred<string>();
    const context = createFakeExecutorContext({
      config: config(['a', 'b', 'c'].map((id) => ({ id, steps: [{ agent: 'x' }, { agent: 'x' }] }))),
      responder: () => {
        if (context.stats.active === 3) gate.resolve('ok');
        return gate.promise;
      },
    });
    await runParallel(context);
    expect(context.stats.maxActive).toBe(3);
    expect(context.calls).toHaveLength(6);
  });

  it('runs reduce over branches.<id> with its own vars and reports its agent', async () => {
    const context = createFakeExecutorContext({
      config: config(
        [
          { id: 'pros', steps: [{ agent: 'a', input: 'pros' }] },
          { id: 'cons', steps: [{ agent: 'a', input: 'cons' }] },
        ],
        {
          agent: 'judge',
          input:
            '{{ tone }}: {{ branches.pros.response }} vs {{ branches.cons.response }} ({{ branches.cons.status }})',
          vars: { tone: 'calm' },
          tool_overrides: [],
        },
      ),
      responder: (request) => request.input.toUpperCase(),
    });
    const result = await runParallel(context);
    expect(result.response).toBe('CALM: PROS VS CONS (SUCCESS)');
    expect(result.agentId).toBe('judge');
    expect(context.calls.at(-1)).toMatchObject({
      agentId: 'judge',
      toolOverrides: [],
      step: { kind: 'reduce', label: 'reduce', pointer: '/pattern/config/reduce' },
    });
    expect(Object.keys(result.context)).toEqual(['branches']);
  });

  it('streams only the reduce step when --stream is asked for', async () => {
    const context = createFakeExecutorContext({
      config: config(
        [
          { id: 'a', steps: [{ agent: 'x' }] },
          { id: 'b', steps: [{ agent: 'x' }] },
        ],
        { agent: 'judge' },
      ),
      streamRequested: true,
      responder: () => 'ok',
    });
    await runParallel(context);
    expect(context.calls.map((call) => [call.step.label, call.stream])).toEqual([
      ["branch 'a' step 1", false],
      ["branch 'b' step 1", false],
      ['reduce', true],
    ]);
  });

  it('cancels sibling branches when one fails and names branch, step and agent', async () => {
    const context = createFakeExecutorContext({
      config: config(
        [
          { id: 'slow', steps: [{ agent: 'waiter' }, { agent: 'waiter' }] },
          { id: 'bad', steps: [{ agent: 'ok' }, { agent: 'faulty' }] },
        ],
        { agent: 'judge' },
      ),
      responder: (request) => {
        if (request.agentId === 'faulty') throw new Error('HTTP 400 bad request');
        return request.agentId === 'waiter' ? new Promise<string>(() => undefined) : 'fine';
      },
    });
    const error = await runParallel(context).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StepFailedError);
    expect((error as Error).message).toBe(
      "branch 'bad' step 2 (agent 'faulty') failed: HTTP 400 bad request",
    );
    expect((error as StepFailedError).exitCode).toBe(ExitCode.runtime);
    expect(context.aborted).toEqual(["branch 'slow' step 1"]);
    expect(context.calls.map((call) => call.step.label)).not.toContain('reduce');
    expect(context.calls.map((call) => call.step.pointer)).toContain('/pattern/config/branches/1/steps/1');
  });

  it('names the step and the template pointer when a branch input does not render', async () => {
    const context = createFakeExecutorContext({
      config: config([
        { id: 'a', steps: [{ agent: 'x' }] },
        { id: 'b', steps: [{ agent: 'y', input: '{{ branches.a.response }}' }] },
      ]),
      responder: () => 'fine',
    });
    await expect(runParallel(context)).rejects.toThrow(
      /^branch 'b' step 1 \(agent 'y'\) failed: .*\/pattern\/config\/branches\/1\/steps\/0\/input/,
    );
  });
});
