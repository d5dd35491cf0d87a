import { describe, expect, it } from 'vitest';
import { BudgetExceededError, StepFailedError } from '../spec/v1/errors.js';
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
