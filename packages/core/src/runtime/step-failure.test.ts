import { describe, expect, it } from 'vitest';
import {
  BudgetExceededError,
  ProviderCallError,
  RunCancelledError,
  StepFailedError,
} from '../spec/v1/errors.js';
import { isStepFailure, namedStepFailure } from './step-failure.js';

const step = { kind: 'task', label: "task 'a'", pointer: '/pattern/config/tasks/0' };
const request = { agentId: 'x', input: '', step };
const running = new AbortController().signal;

describe('namedStepFailure', () => {
  it('names the step and agent, keeping the exit code and hint of the cause', () => {
    const cause = new ProviderCallError({
      providerId: 'openai',
      kind: 'auth',
      message: 'bad key (HTTP 401)',
      hint: 'Set OPENAI_API_KEY.',
    });
    const error = namedStepFailure(cause, request, running) as StepFailedError;
    expect(error).toBeInstanceOf(StepFailedError);
    expect(error.message).toBe("task 'a' (agent 'x') failed: bad key (HTTP 401)");
    expect(error.exitCode).toBe(10);
    expect(error.hint).toBe('Set OPENAI_API_KEY.');
    expect(error.cause).toBe(cause);
    expect(error).toMatchObject({ step: "task 'a'", agentId: 'x' });
  });

  it('keeps 20 for a budget and 130 for a cancellation raised inside the step', () => {
    const budget = namedStepFailure(new BudgetExceededError('max_tokens', 10, 12), request, running);
    expect((budget as StepFailedError).exitCode).toBe(20);
    const cancelled = namedStepFailure(new RunCancelledError(), request, running);
    expect((cancelled as StepFailedError).exitCode).toBe(130);
  });

  it('does not wrap an error that already names its step', () => {
    const named = new StepFailedError("task 'a'", 'x', new Error('boom'));
    expect(namedStepFailure(named, request, running)).toBe(named);
    // Another copy of the core: recognised by its shared marker, and never by its name alone.
    const foreign = Object.assign(new Error('x'), {
      [Symbol.for('strands-cli.error.StrandsError')]: true,
      [Symbol.for('strands-cli.error.StepFailedError')]: true,
    });
    expect(isStepFailure(foreign)).toBe(true);
    expect(isStepFailure(Object.assign(new RunCancelledError('x'), { name: 'StepFailedError' }))).toBe(false);
    expect(isStepFailure(new Error('plain'))).toBe(false);
  });

  it('passes the error through when the run stopped or a sibling cancelled the invocation', () => {
    const reason = new Error('interrupted');
    const stopped = new AbortController();
    stopped.abort(reason);
    expect(namedStepFailure(reason, request, stopped.signal)).toBe(reason);
    expect(namedStepFailure(reason, { ...request, signal: stopped.signal }, running)).toBe(reason);
  });
});
