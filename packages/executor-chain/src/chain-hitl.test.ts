import { RunPausedError, StepFailedError } from '@strands-cli/core/spec';
import { createFakeExecutorContext } from '@strands-cli/core/testing';
import { describe, expect, it } from 'vitest';
import type { ChainConfig } from './chain-config.js';
import { runChain } from './chain-run.js';

const config: ChainConfig = {
  steps: [
    { agent: 'writer', input: 'draft about {{ topic }}' },
    {
      type: 'hitl',
      prompt: 'Approve the draft?',
      context_display: 'Draft: {{ last_response }} ({{ steps | length }} step)',
      default: 'approved',
      timeout_seconds: 60,
    },
    { agent: 'editor', input: 'review={{ steps[1].response }} latest={{ hitl_response }}' },
  ],
};

describe('runChain with human-in-the-loop steps', () => {
  it('asks with the rendered context_display and records the answer as the step', async () => {
    const context = createFakeExecutorContext({
      config,
      variables: { topic: 'tides' },
      responder: (request) => `${request.agentId}: ${request.input}`,
      human: () => 'approved',
    });
    const result = await runChain(context);
    expect(context.questions).toEqual([
      {
        step: { kind: 'step', label: 'step 2', pointer: '/pattern/config/steps/1' },
        prompt: 'Approve the draft?',
        contextDisplay: 'Draft: writer: draft about tides (1 step)',
        default: 'approved',
        timeoutSeconds: 60,
      },
    ]);
    expect(context.calls.map((call) => call.input)).toEqual([
      'draft about tides',
      'review=approved latest=approved',
    ]);
    const steps = result.context.steps as { agent: string; response: string; tokens_estimated: number }[];
    expect(steps[1]).toEqual({
      index: 1,
      agent: 'hitl',
      response: 'approved',
      tokens_estimated: 0,
      usage: { input_tokens: 0, output_tokens: 0 },
    });
    expect(result.variables).toEqual({ hitl_response: 'approved' });
  });

  it('returns the answer when the chain ends with a human step', async () => {
    const context = createFakeExecutorContext({
      config: { steps: [{ agent: 'writer' }, { type: 'hitl', prompt: 'Final word?' }] } as ChainConfig,
      responder: () => 'text',
      human: () => 'looks good',
    });
    const result = await runChain(context);
    expect(result).toMatchObject({ response: 'looks good', agentId: 'hitl' });
  });

  it('exposes hitl_response as the most recent answer', async () => {
    const answers = ['first', 'second'];
    const context = createFakeExecutorContext({
      config: {
        steps: [
          { type: 'hitl', prompt: 'One?' },
          { type: 'hitl', prompt: 'Two?', context_display: 'before: {{ hitl_response }}' },
          { agent: 'writer', input: '{{ hitl_response }}' },
        ],
      } as ChainConfig,
      responder: (request) => request.input,
      human: () => answers.shift() ?? '',
    });
    const result = await runChain(context);
    expect(context.questions[1]?.contextDisplay).toBe('before: first');
    expect(result.response).toBe('second');
  });

  it('lets the pause propagate untouched and runs nothing after the question', async () => {
    const context = createFakeExecutorContext({ config, variables: { topic: 't' }, responder: () => 'x' });
    const error = await runChain(context).catch((caught: unknown) => caught);
    expect(RunPausedError.isInstance(error)).toBe(true);
    expect((error as RunPausedError).exitCode).toBe(19);
    expect(context.calls).toHaveLength(1);
  });

  it('names the step when context_display does not render', async () => {
    const context = createFakeExecutorContext({
      config: {
        steps: [{ type: 'hitl', prompt: 'Q', context_display: '{{ steps[3].response }}' }],
      } as ChainConfig,
      responder: () => 'x',
      human: () => 'a',
    });
    const error = await runChain(context).catch((caught: unknown) => caught);
    expect(StepFailedError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/^step 1 failed: /);
  });
});
