import { RunPausedError } from '@strands-cli/core/spec';
import { createFakeExecutorContext, deferred } from '@strands-cli/core/testing';
import { describe, expect, it } from 'vitest';
import type { WorkflowConfig } from './workflow-config.js';
import { runWorkflow } from './workflow-run.js';

const config = {
  tasks: [
    { id: 'research', agent: 'researcher', input: 'Research {{ topic }}' },
    {
      id: 'review',
      type: 'hitl',
      deps: ['research'],
      prompt: 'Approve?',
      context_display: 'Findings: {{ tasks.research.response }}',
      default: 'approved',
      timeout_seconds: 3600,
    },
    { id: 'side', agent: 'writer', input: 'Side work' },
    {
      id: 'report',
      agent: 'writer',
      deps: ['review'],
      input: '{{ tasks.review.response }}|{{ hitl_response }}',
    },
  ],
} as WorkflowConfig;

describe('runWorkflow with human-in-the-loop tasks', () => {
  it('asks once the deps are done and records the answer as the task', async () => {
    const context = createFakeExecutorContext({
      config,
      variables: { topic: 'tides' },
      responder: (request) => `${request.agentId}: ${request.input}`,
      human: () => 'approved',
    });
    const result = await runWorkflow(context);
    expect(context.questions).toEqual([
      {
        step: { kind: 'task', label: "task 'review'", pointer: '/pattern/config/tasks/1' },
        prompt: 'Approve?',
        contextDisplay: 'Findings: researcher: Research tides',
        default: 'approved',
        timeoutSeconds: 3600,
      },
    ]);
    const tasks = result.context.tasks as Record<string, unknown>;
    expect(tasks.review).toEqual({
      response: 'approved',
      status: 'success',
      agent: 'hitl',
      tokens_estimated: 0,
      usage: { input_tokens: 0, output_tokens: 0 },
    });
    expect(result.response).toBe('writer: approved|approved');
    expect(result.variables).toEqual({ hitl_response: 'approved' });
  });

  it('keeps independent tasks running while a question waits', async () => {
    const sideDone = deferred<string>();
    const order: string[] = [];
    const context = createFakeExecutorContext({
      config,
      variables: { topic: 'tides' },
      responder: (request) => {
        order.push(request.input);
        if (request.input === 'Side work') sideDone.resolve('answered after side');
        return 'ok';
      },
      human: async () => {
        const answer = await sideDone.promise;
        order.push('answer');
        return answer;
      },
    });
    const result = await runWorkflow(context);
    expect(order.indexOf('Side work')).toBeLessThan(order.indexOf('answer'));
    expect((result.context.tasks as Record<string, { response: string }>).review?.response).toBe(
      'answered after side',
    );
  });

  it('sees hitl_response only from its own human ancestors', async () => {
    const context = createFakeExecutorContext({
      config: {
        tasks: [
          { id: 'ask', type: 'hitl', prompt: 'Q' },
          { id: 'free', agent: 'a', input: '{{ hitl_response | default("none") }}' },
          { id: 'after', agent: 'a', deps: ['ask'], input: '{{ hitl_response }}' },
        ],
      } as WorkflowConfig,
      responder: (request) => request.input,
      human: () => 'yes',
    });
    const result = await runWorkflow(context);
    const tasks = result.context.tasks as Record<string, { response: string }>;
    expect(tasks.free?.response).toBe('none');
    expect(tasks.after?.response).toBe('yes');
  });

  it('pauses only after the independent task finished', async () => {
    const gate = deferred<string>();
    let sideFinished = false;
    const context = createFakeExecutorContext({
      config,
      variables: { topic: 't' },
      responder: (request) =>
        request.input === 'Side work'
          ? gate.promise.then((text) => {
              sideFinished = true;
              return text;
            })
          : 'found',
    });
    const pending = runWorkflow(context).catch((caught: unknown) => caught);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(context.questions).toHaveLength(1);
    gate.resolve('side done');
    const error = await pending;
    expect(RunPausedError.isInstance(error)).toBe(true);
    expect(sideFinished).toBe(true);
    expect(context.aborted).toEqual([]);
  });

  it('lets the pause propagate and never starts the dependants', async () => {
    const context = createFakeExecutorContext({ config, variables: { topic: 't' }, responder: () => 'x' });
    const error = await runWorkflow(context).catch((caught: unknown) => caught);
    expect(RunPausedError.isInstance(error)).toBe(true);
    expect(context.calls.map((call) => call.step.label)).not.toContain("task 'report'");
  });
});
