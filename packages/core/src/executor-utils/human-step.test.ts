import { describe, expect, it } from 'vitest';
import { RunPausedError, StepFailedError } from '../spec/v1/errors.js';
import type { HumanInputRequestV1 } from '../spec/v1/journal-v1.js';
import { askHumanStep } from './human-step.js';

const ref = { kind: 'step', label: 'step 2', pointer: '/pattern/config/steps/1' };

/** The two context methods the helper uses: `render` substitutes `{{ name }}` from the scope. */
function stubContext(answer: (request: HumanInputRequestV1) => Promise<string>) {
  const questions: HumanInputRequestV1[] = [];
  return {
    questions,
    render(template: string | undefined, scope: Readonly<Record<string, unknown>>, pointer: string): string {
      return (template ?? '').replace(/\{\{ (\w+) \}\}/g, (_match, name: string) => {
        if (!(name in scope)) throw new Error(`${pointer}: '${name}' is undefined`);
        return String(scope[name]);
      });
    },
    awaitHuman(request: HumanInputRequestV1): Promise<string> {
      questions.push(request);
      return answer(request);
    },
  };
}

describe('askHumanStep', () => {
  it('renders context_display over the scope and passes prompt, default and timeout on', async () => {
    const context = stubContext(async () => 'approved');
    const step = {
      type: 'hitl' as const,
      prompt: 'Approve?',
      context_display: 'Draft: {{ draft }}',
      default: 'no',
      timeout_seconds: 60,
    };
    const answer = await askHumanStep(context, step, ref, { draft: 'hello' });
    expect(answer).toBe('approved');
    expect(context.questions).toEqual([
      { step: ref, prompt: 'Approve?', contextDisplay: 'Draft: hello', default: 'no', timeoutSeconds: 60 },
    ]);
  });

  it('names the step when context_display does not render, and asks nothing', async () => {
    const context = stubContext(async () => 'x');
    const step = { type: 'hitl' as const, prompt: 'Approve?', context_display: '{{ nope }}' };
    const error = await askHumanStep(context, step, ref, {}).catch((caught: unknown) => caught);
    expect(StepFailedError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/^step 2 failed: /);
    expect(context.questions).toEqual([]);
  });

  it('lets the pause through untouched, and hands the validator to awaitHuman', async () => {
    const paused = new RunPausedError([]);
    const context = stubContext(() => Promise.reject(paused));
    const validate = (answer: string) => (answer === 'ok' ? undefined : 'say ok');
    const error = await askHumanStep(context, { type: 'hitl', prompt: 'Q' }, ref, {}, validate).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBe(paused);
    expect(context.questions[0]?.validate).toBe(validate);
  });
});
