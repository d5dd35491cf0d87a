import { BudgetExceededError, StepFailedError } from '@strands-cli/core/spec';
import { describe, expect, it } from 'vitest';
import { fakeContext } from './__fixtures__/fake-context.js';
import { invokeNamed } from './workflow-invoke.js';

const step = { kind: 'task', label: "task 'a'", pointer: '/pattern/config/tasks/0' };

describe('invokeNamed', () => {
  it('names the step and agent of a failure', async () => {
    const context = fakeContext({
      config: {},
      responder: () => {
        throw new Error('boom');
      },
    });
    const error = await invokeNamed(context, { agentId: 'x', input: '', step }).catch((caught) => caught);
    expect(error).toBeInstanceOf(StepFailedError);
    expect((error as Error).message).toBe("task 'a' (agent 'x') failed: boom");
  });

  it('keeps the exit code of the cause (a budget stays 20)', async () => {
    const context = fakeContext({
      config: {},
      responder: () => {
        throw new BudgetExceededError('max_tokens', 10, 12);
      },
    });
    const error = await invokeNamed(context, { agentId: 'x', input: '', step }).catch((caught) => caught);
    expect((error as StepFailedError).exitCode).toBe(20);
  });

  it('does not wrap an error that already names its step', async () => {
    const named = new StepFailedError("task 'a'", 'x', new Error('boom'));
    const context = fakeContext({
      config: {},
      responder: () => {
        throw named;
      },
    });
    await expect(invokeNamed(context, { agentId: 'x', input: '', step })).rejects.toBe(named);
  });

  it('passes the reason through when the run was stopped', async () => {
    const controller = new AbortController();
    const reason = new Error('interrupted');
    const context = fakeContext({
      config: {},
      signal: controller.signal,
      responder: () => {
        controller.abort(reason);
        return new Promise<string>(() => undefined);
      },
    });
    await expect(invokeNamed(context, { agentId: 'x', input: '', step })).rejects.toBe(reason);
  });
});
