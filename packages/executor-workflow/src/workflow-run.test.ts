import { ExitCode, StepFailedError, StrandsError } from '@strands-cli/core/spec';
import { createFakeExecutorContext, deferred } from '@strands-cli/core/testing';
import { describe, expect, it } from 'vitest';
import type { WorkflowConfig } from './workflow-config.js';
import { runWorkflow } from './workflow-run.js';

type Task = { id: string; agent: string; deps?: string[]; input?: string };
const config = (tasks: Task[]): WorkflowConfig => ({ tasks }) as unknown as WorkflowConfig;
const labelId = (label: string): string => label.replace(/^task '(.*)'$/, '$1');

describe('runWorkflow', () => {
  it('runs a diamond, giving each task its ancestors and returning the sink', async () => {
    const context = createFakeExecutorContext({
      config: config([
        { id: 'collect', agent: 'researcher', input: 'Collect {{ topic }}' },
        { id: 'pros', agent: 'analyst', deps: ['collect'], input: 'Pros of {{ tasks.collect.response }}' },
        { id: 'cons', agent: 'analyst', deps: ['collect'], input: 'Cons of {{ tasks.collect.response }}' },
        {
          id: 'summary',
          agent: 'writer',
          deps: ['pros', 'cons'],
          input: '{{ tasks.pros.response }} / {{ tasks.cons.response }} / {{ tasks.collect.agent }}',
        },
      ]),
      variables: { topic: 'tides' },
      responder: (request) => `<${request.input}>`,
    });
    const result = await runWorkflow(context);
    expect(result.response).toBe('<<Pros of <Collect tides>> / <Cons of <Collect tides>> / researcher>');
    expect(result.agentId).toBe('writer');
    const tasks = result.context.tasks as Record<string, Record<string, unknown>>;
    expect(Object.keys(tasks)).toEqual(['collect', 'pros', 'cons', 'summary']);
    expect(tasks.collect).toEqual({
      response: '<Collect tides>',
      status: 'success',
      agent: 'researcher',
      tokens_estimated: 5,
      usage: { input_tokens: 3, output_tokens: 2 },
    });
    expect(context.calls.map((call) => call.step)).toContainEqual({
      kind: 'task',
      label: "task 'pros'",
      pointer: '/pattern/config/tasks/1',
    });
  });

  it('starts a task as soon as its own dependencies finish, not at a layer barrier', async () => {
    const slow = deferred<string>();
    const context = createFakeExecutorContext({
      config: config([
        { id: 'slow', agent: 'a' },
        { id: 'fast', agent: 'a' },
        { id: 'after_fast', agent: 'b', deps: ['fast'] },
        { id: 'end', agent: 'b', deps: ['slow', 'after_fast'] },
      ]),
      responder: (request) => {
        const id = labelId(request.step.label);
        // `slow` finishes only once `after_fast` has started: a layered run would deadlock here.
        if (id === 'after_fast') slow.resolve('slow done');
        return id === 'slow' ? slow.promise : `${id} done`;
      },
    });
    const result = await runWorkflow(context);
    expect(result.response).toBe('end done');
    expect(context.calls.map((call) => labelId(call.step.label))).toEqual([
      'slow',
      'fast',
      'after_fast',
      'end',
    ]);
  });

  it('starts every ready task at once (the core bounds concurrency)', async () => {
    const gate = deferred<string>();
    const tasks = Array.from({ length: 6 }, (_, index) => ({ id: `t${index}`, agent: 'a' }));
    const context = createFakeExecutorContext({
      config: config(tasks),
      responder: () => {
        if (context.stats.active === 6) gate.resolve('ok');
        return gate.promise;
      },
    });
    await runWorkflow(context);
    expect(context.stats.maxActive).toBe(6);
  });

  it('shows a task only its ancestors, whatever finished before it', async () => {
    const context = createFakeExecutorContext({
      config: config([
        { id: 'root', agent: 'a' },
        { id: 'other', agent: 'a' },
        { id: 'child', agent: 'a', deps: ['root'], input: 'other={{ tasks.other is defined }}' },
        { id: 'grandchild', agent: 'a', deps: ['child'], input: 'root={{ tasks.root.response }}' },
      ]),
      responder: (request) => (request.input === '' ? 'r' : request.input),
    });
    const result = await runWorkflow(context);
    const tasks = result.context.tasks as Record<string, { response: string }>;
    expect(tasks.child?.response).toBe('other=False');
    expect(tasks.grandchild?.response).toBe('root=r');
  });

  it('returns the last sink in spec order, even when a later task is a dependency', async () => {
    const context = createFakeExecutorContext({
      config: config([
        { id: 'report', agent: 'writer', deps: ['data'] },
        { id: 'side', agent: 'aside' },
        { id: 'data', agent: 'reader' },
      ]),
      responder: (request) => labelId(request.step.label),
    });
    const result = await runWorkflow(context);
    expect(result.response).toBe('side');
    expect(result.agentId).toBe('aside');
  });

  it('runs every task with its own agent, input and pointer when tasks are listed out of order', async () => {
    const context = createFakeExecutorContext({
      config: config([
        { id: 'last', agent: 'writer', deps: ['middle'], input: 'write' },
        { id: 'middle', agent: 'analyst', deps: ['first'], input: 'analyse' },
        { id: 'first', agent: 'reader', input: 'read' },
      ]),
      responder: (request) => request.input,
    });
    await runWorkflow(context);
    expect(
      context.calls.map((call) => [call.step.label, call.agentId, call.input, call.step.pointer]),
    ).toEqual([
      ["task 'first'", 'reader', 'read', '/pattern/config/tasks/2'],
      ["task 'middle'", 'analyst', 'analyse', '/pattern/config/tasks/1'],
      ["task 'last'", 'writer', 'write', '/pattern/config/tasks/0'],
    ]);
  });

  it('runs a one-task workflow like any other', async () => {
    const context = createFakeExecutorContext({
      config: config([{ id: 'only', agent: 'solo', input: 'Hello {{ name }}' }]),
      variables: { name: 'Ada' },
      responder: (request) => `echo ${request.input}`,
    });
    const result = await runWorkflow(context);
    expect(result).toMatchObject({ response: 'echo Hello Ada', agentId: 'solo' });
    expect(Object.keys(result.context.tasks as object)).toEqual(['only']);
  });

  it('aborts running tasks when one fails, never starts dependants, and names task and agent', async () => {
    const context = createFakeExecutorContext({
      config: config([
        { id: 'long', agent: 'patient' },
        { id: 'broken', agent: 'faulty' },
        { id: 'after', agent: 'patient', deps: ['broken'] },
        { id: 'after_long', agent: 'patient', deps: ['long'] },
      ]),
      responder: (request) => {
        if (request.step.label === "task 'broken'") throw new Error('model exploded');
        return new Promise<string>(() => undefined);
      },
    });
    const error = await runWorkflow(context).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StepFailedError);
    expect((error as Error).message).toBe("task 'broken' (agent 'faulty') failed: model exploded");
    expect((error as StepFailedError).exitCode).toBe(ExitCode.runtime);
    expect(context.aborted).toEqual(["task 'long'"]);
    expect(context.calls.map((call) => call.step.label)).toEqual(["task 'long'", "task 'broken'"]);
  });

  it('reports a template error with the task, agent and pointer', async () => {
    const context = createFakeExecutorContext({
      config: config([{ id: 'draft', agent: 'writer', input: 'About {{ missing_name }}' }]),
      responder: () => 'never',
    });
    const error = await runWorkflow(context).catch((caught: unknown) => caught);
    expect(StrandsError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/^task 'draft' \(agent 'writer'\) failed: /);
    expect((error as Error).message).toContain('/pattern/config/tasks/0/input');
    expect((error as Error).message).toContain('missing_name');
    expect(context.calls).toHaveLength(0);
  });

  it('stops when the run is cancelled', async () => {
    const controller = new AbortController();
    const context = createFakeExecutorContext({
      config: config([
        { id: 'a', agent: 'x' },
        { id: 'b', agent: 'x', deps: ['a'] },
      ]),
      signal: controller.signal,
      responder: () => {
        setImmediate(() => controller.abort(new Error('interrupted')));
        return new Promise<string>(() => undefined);
      },
    });
    await expect(runWorkflow(context)).rejects.toThrow('interrupted');
    expect(context.calls).toHaveLength(1);
  });

  it('rejects a cycle before calling any agent', async () => {
    const context = createFakeExecutorContext({
      config: config([
        { id: 'a', agent: 'x', deps: ['b'] },
        { id: 'b', agent: 'x', deps: ['a'] },
        { id: 'c', agent: 'x' },
      ]),
      responder: () => 'never',
    });
    await expect(runWorkflow(context)).rejects.toThrow("Cycle detected in task dependencies among: 'a', 'b'");
    expect(context.calls).toHaveLength(0);
  });
});
