import { RunPausedError } from '@strands-cli/core/spec';
import { createFakeExecutorContext, deferred } from '@strands-cli/core/testing';
import { describe, expect, it } from 'vitest';
import type { ParallelConfig } from './parallel-config.js';
import { runParallel } from './parallel-run.js';

const branches = [
  {
    id: 'web',
    steps: [
      { agent: 'scraper', input: 'Scrape' },
      {
        type: 'hitl',
        prompt: 'Data OK?',
        context_display: 'Data: {{ last_response }}',
        default: 'approved',
        timeout_seconds: 7200,
      },
      { agent: 'validator', input: 'review={{ steps[1].response }} latest={{ hitl_response }}' },
    ],
  },
  { id: 'docs', steps: [{ agent: 'reader', input: 'Read' }] },
];

describe('runParallel with human-in-the-loop steps', () => {
  it('asks inside a branch with the branch scope and records the answer as the step', async () => {
    const context = createFakeExecutorContext({
      config: {
        branches,
        reduce: { agent: 'editor', input: '{{ branches.web.response }}' },
      } as ParallelConfig,
      responder: (request) => `${request.agentId}: ${request.input}`,
      human: () => 'approved',
    });
    const result = await runParallel(context);
    expect(context.questions).toEqual([
      {
        step: {
          kind: 'branch-step',
          label: "branch 'web' step 2",
          pointer: '/pattern/config/branches/0/steps/1',
        },
        prompt: 'Data OK?',
        contextDisplay: 'Data: scraper: Scrape',
        default: 'approved',
        timeoutSeconds: 7200,
      },
    ]);
    expect(result.response).toBe('editor: validator: review=approved latest=approved');
    expect(result.variables).toBeUndefined();
  });

  it('lets sibling branches finish while a question waits', async () => {
    const docsDone = deferred<string>();
    const order: string[] = [];
    const context = createFakeExecutorContext({
      config: { branches } as ParallelConfig,
      responder: (request) => {
        order.push(request.agentId);
        if (request.agentId === 'reader') docsDone.resolve('approved');
        return 'ok';
      },
      human: async () => {
        const answer = await docsDone.promise;
        order.push('answer');
        return answer;
      },
    });
    await runParallel(context);
    expect(order.indexOf('reader')).toBeLessThan(order.indexOf('answer'));
    expect(context.aborted).toEqual([]);
  });

  it('reviews the branch results in a hitl reduce: the answer is the response', async () => {
    const context = createFakeExecutorContext({
      config: {
        branches: [branches[1], { id: 'more', steps: [{ agent: 'reader', input: 'More' }] }],
        reduce: { type: 'hitl', prompt: 'Approve?', context_display: '{{ branches.docs.response }}' },
      } as ParallelConfig,
      responder: (request) => request.input,
      human: () => 'ship it',
    });
    const result = await runParallel(context);
    expect(context.questions[0]).toMatchObject({
      step: { kind: 'reduce', label: 'reduce', pointer: '/pattern/config/reduce' },
      contextDisplay: 'Read',
    });
    expect(result).toMatchObject({
      response: 'ship it',
      agentId: 'hitl',
      variables: { hitl_response: 'ship it' },
    });
    expect(Object.keys(result.context.branches as object)).toEqual(['docs', 'more']);
  });

  it('pauses only after the sibling branches finished, cancelling none of them', async () => {
    const gate = deferred<string>();
    let readerFinished = false;
    const context = createFakeExecutorContext({
      config: { branches } as ParallelConfig,
      responder: (request) =>
        request.agentId === 'reader'
          ? gate.promise.then((text) => {
              readerFinished = true;
              return text;
            })
          : 'scraped',
    });
    const pending = runParallel(context).catch((caught: unknown) => caught);
    // The question is waiting now, while the reader still runs.
    await new Promise((resolve) => setImmediate(resolve));
    expect(context.questions).toHaveLength(1);
    gate.resolve('read');
    const error = await pending;
    expect(RunPausedError.isInstance(error)).toBe(true);
    expect(readerFinished).toBe(true);
    expect(context.aborted).toEqual([]);
  });

  it('lets the pause propagate', async () => {
    const context = createFakeExecutorContext({
      config: { branches } as ParallelConfig,
      responder: () => 'x',
    });
    const error = await runParallel(context).catch((caught: unknown) => caught);
    expect(RunPausedError.isInstance(error)).toBe(true);
    expect(context.calls.map((call) => call.agentId)).not.toContain('validator');
  });
});
