import { describe, expect, it } from 'vitest';
import { BudgetExceededError, RunPausedError, StepFailedError } from '../spec/v1/errors.js';
import { createFakeExecutorContext, deferred } from './fake-executor-context.js';

const step = { kind: 'task', label: "task 'a'", pointer: '/pattern/config/tasks/0' };

describe('createFakeExecutorContext', () => {
  it('answers with the responder, records the call and renders over the variables', async () => {
    const context = createFakeExecutorContext({
      config: { x: 1 },
      variables: { topic: 'tides', who: 'user' },
      responder: (request) => `echo ${request.input}`,
    });
    const result = await context.invokeAgent({ agentId: 'x', input: 'hi', step });
    expect(result).toMatchObject({
      text: 'echo hi',
      agentId: 'x',
      usage: { inputTokens: 3, outputTokens: 2 },
    });
    expect(context.calls).toEqual([{ agentId: 'x', input: 'hi', step }]);
    expect(context.render('{{ topic }} {{ who }}', { who: 'scope' }, '/p')).toBe('tides scope');
    expect(context.config).toEqual({ x: 1 });
  });

  it('names the step and agent of a failure, as the core does', async () => {
    const context = createFakeExecutorContext({
      config: {},
      responder: () => {
        throw new Error('boom');
      },
    });
    const error = await context.invokeAgent({ agentId: 'x', input: '', step }).catch((caught) => caught);
    expect(error).toBeInstanceOf(StepFailedError);
    expect((error as Error).message).toBe("task 'a' (agent 'x') failed: boom");
  });

  it('keeps the exit code of the cause (a budget stays 20)', async () => {
    const context = createFakeExecutorContext({
      config: {},
      responder: () => {
        throw new BudgetExceededError('max_tokens', 10, 12);
      },
    });
    const error = await context.invokeAgent({ agentId: 'x', input: '', step }).catch((caught) => caught);
    expect((error as StepFailedError).exitCode).toBe(20);
  });

  it('rejects with the reason when the run is stopped, and counts the running invocations', async () => {
    const controller = new AbortController();
    const reason = new Error('interrupted');
    const started = deferred();
    const context = createFakeExecutorContext({
      config: {},
      signal: controller.signal,
      responder: () => {
        started.resolve();
        return new Promise<string>(() => undefined);
      },
    });
    const pending = context.invokeAgent({ agentId: 'x', input: '', step });
    await started.promise;
    expect(context.stats.active).toBe(1);
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(context.aborted).toEqual(["task 'a'"]);
    expect(context.stats).toEqual({ active: 0, maxActive: 1 });
  });

  it("passes a sibling's cancellation through unnamed", async () => {
    const sibling = new AbortController();
    const reason = new Error('a sibling failed');
    sibling.abort(reason);
    const context = createFakeExecutorContext({ config: {}, responder: () => 'never' });
    await expect(context.invokeAgent({ agentId: 'x', input: '', step, signal: sibling.signal })).rejects.toBe(
      reason,
    );
  });
});

describe('createFakeExecutorContext awaitHuman', () => {
  it('answers with `human`, checking the answer with the request validator', async () => {
    const context = createFakeExecutorContext({ config: {}, responder: () => '', human: () => 'no' });
    const step = { kind: 'step', label: 'step 1', pointer: '/p' };
    expect(await context.awaitHuman({ step, prompt: 'Q' })).toBe('no');
    await expect(context.awaitHuman({ step, prompt: 'Q', validate: () => 'say yes' })).rejects.toThrow(
      'say yes',
    );
    expect(context.questions).toHaveLength(2);
  });

  it('without `human`, pauses only once no invocation runs, rejecting every question together', async () => {
    const gate = deferred<string>();
    const context = createFakeExecutorContext({ config: {}, responder: () => gate.promise });
    const invocation = context.invokeAgent({
      agentId: 'a',
      input: 'x',
      step: { kind: 'step', label: 'step 1', pointer: '/a' },
    });
    const first = context.awaitHuman({ step: { kind: 'step', label: 'b', pointer: '/b' }, prompt: 'B?' });
    const second = context.awaitHuman({ step: { kind: 'step', label: 'c', pointer: '/c' }, prompt: 'C?' });
    const settled: unknown[] = [];
    void first.catch((error: unknown) => settled.push(error));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toEqual([]);
    gate.resolve('done');
    expect((await invocation).text).toBe('done');
    const error = await second.catch((caught: unknown) => caught);
    expect(RunPausedError.isInstance(error)).toBe(true);
    expect((error as RunPausedError).pending.map((item) => item.position)).toEqual([
      '/b#0/human',
      '/c#0/human',
    ]);
    expect(await first.catch((caught: unknown) => caught)).toBe(error);
  });
});
