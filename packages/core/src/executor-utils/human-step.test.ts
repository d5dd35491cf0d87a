import { describe, expect, it } from 'vitest';
import { RunPausedError, StepFailedError } from '../spec/v1/errors.js';
import { createFakeExecutorContext } from '../testing/fake-executor-context.js';
import { askHumanStep } from './human-step.js';

const ref = { kind: 'step', label: 'step 2', pointer: '/pattern/config/steps/1' };

describe('askHumanStep', () => {
  it('renders context_display over the scope and passes prompt, default and timeout on', async () => {
    const context = createFakeExecutorContext({ config: {}, responder: () => '', human: () => 'approved' });
    const step = {
      type: 'hitl' as const,
      prompt: 'Approve?',
      context_display: 'Draft: {{ steps[0].response }}',
      default: 'no',
      timeout_seconds: 60,
    };
    const answer = await askHumanStep(context, step, ref, { steps: [{ response: 'hello' }] });
    expect(answer).toBe('approved');
    expect(context.questions).toEqual([
      { step: ref, prompt: 'Approve?', contextDisplay: 'Draft: hello', default: 'no', timeoutSeconds: 60 },
    ]);
  });

  it('names the step when context_display does not render', async () => {
    const context = createFakeExecutorContext({ config: {}, responder: () => '', human: () => 'x' });
    const step = { type: 'hitl' as const, prompt: 'Approve?', context_display: '{{ nope }}' };
    const error = await askHumanStep(context, step, ref, {}).catch((caught: unknown) => caught);
    expect(StepFailedError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/^step 2 failed: /);
    expect(context.questions).toEqual([]);
  });

  it('lets the pause through untouched, and hands the validator to awaitHuman', async () => {
    const context = createFakeExecutorContext({ config: {}, responder: () => '' });
    const validate = (answer: string) => (answer === 'ok' ? undefined : 'say ok');
    const error = await askHumanStep(context, { type: 'hitl', prompt: 'Q' }, ref, {}, validate).catch(
      (caught: unknown) => caught,
    );
    expect(RunPausedError.isInstance(error)).toBe(true);
    expect(context.questions[0]?.validate).toBe(validate);
  });
});
