import { ExitCode, RuntimeFailure, type WorkflowSpec } from '@strands-cli/core/spec';
import { createFakeExecutorContext, type FakeResponder } from '@strands-cli/core/testing';
import { describe, expect, it } from 'vitest';
import type { EvaluatorOptimizerConfig } from './evaluator-optimizer-config.js';
import { runEvaluatorOptimizer } from './evaluator-optimizer-run.js';

const spec = {
  version: 1,
  name: 'essay',
  runtime: { provider: 'ollama', model_id: 'm' },
  agents: { writer: { prompt: 'Write about {{ topic }}.' }, critic: { prompt: 'You judge.' } },
  pattern: { type: 'evaluator_optimizer', config: {} },
} as unknown as WorkflowSpec;

function config(extra: Partial<EvaluatorOptimizerConfig> = {}): EvaluatorOptimizerConfig {
  return {
    producer: 'writer',
    evaluator: { agent: 'critic', input: 'Judge: {{ draft }}' },
    accept: { min_score: 80, max_iters: 3 },
    revise_prompt:
      'Fix {{ draft }} (score {{ evaluation.score }}, iteration {{ iteration }}): {{ evaluation.issues | join(", ") }}',
    ...extra,
  };
}

/** The critic answers from `scores` in turn; the writer echoes its input in brackets. */
function critic(...answers: string[]): FakeResponder {
  return (request) => (request.agentId === 'critic' ? (answers.shift() ?? 'no more') : `[${request.input}]`);
}

const score = (value: number, issue = 'thin') =>
  JSON.stringify({ score: value, issues: [issue], fixes: ['expand'] });

describe('runEvaluatorOptimizer', () => {
  it('drafts from the producer prompt, revises below min_score and accepts on iteration 2', async () => {
    const context = createFakeExecutorContext({
      config: config(),
      spec,
      variables: { topic: 'tests' },
      responder: critic(score(50), score(85)),
    });
    const result = await runEvaluatorOptimizer(context);
    expect(context.calls.map((call) => [call.step.kind, call.step.occurrence])).toEqual([
      ['producer', 1],
      ['evaluator', 1],
      ['producer', 2],
      ['evaluator', 2],
    ]);
    expect(context.calls[0]?.input).toBe('Write about tests.');
    expect(context.calls[1]?.input).toMatch(
      /^Judge: \[Write about tests\.\]\n\nRespond with valid JSON: \{"score"/,
    );
    expect(context.calls[2]?.input).toBe('Fix [Write about tests.] (score 50, iteration 1): thin');
    expect(result.response).toBe('[Fix [Write about tests.] (score 50, iteration 1): thin]');
    expect(result.agentId).toBe('writer');
    expect(result.context).toMatchObject({ iterations: 2, final_score: 85, min_score: 80, max_iters: 3 });
    expect(result.context.execution_context).toMatchObject({ final_score: 85 });
    expect((result.context.history as { score: number }[]).map((entry) => entry.score)).toEqual([50, 85]);
  });

  it('fails with exit 10 and the score history when min_score is never reached', async () => {
    const context = createFakeExecutorContext({
      config: config({ accept: { min_score: 90, max_iters: 2 } }),
      spec,
      variables: { topic: 'tests' },
      responder: critic(score(40), score(60, 'still thin')),
    });
    const error = await runEvaluatorOptimizer(context).catch((caught: unknown) => caught);
    expect(RuntimeFailure.isInstance(error)).toBe(true);
    expect((error as RuntimeFailure).exitCode).toBe(ExitCode.runtime);
    expect((error as Error).message).toContain(
      'did not reach min_score 90 in 2 iteration(s); scores: 40, 60',
    );
    expect((error as Error).message).toContain('still thin');
  });

  it('retries a malformed evaluation once with a clarification, then fails with a preview', async () => {
    const recovered = createFakeExecutorContext({
      config: config({ evaluator: { agent: 'critic' } }),
      spec,
      variables: { topic: 'tests' },
      responder: critic('great job', score(95)),
    });
    const result = await runEvaluatorOptimizer(recovered);
    expect(result.context.final_score).toBe(95);
    expect(recovered.calls[1]?.input).toContain('Evaluate the following draft');
    expect(recovered.calls[2]?.step.occurrence).toBe('1/retry');
    expect(recovered.calls[2]?.input).toContain('no JSON object with a "score" was found');

    const failing = createFakeExecutorContext({
      config: config(),
      spec,
      variables: { topic: 'tests' },
      responder: critic('great job', '{"score": 150}'),
    });
    const error = await runEvaluatorOptimizer(failing).catch((caught: unknown) => caught);
    expect(RuntimeFailure.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(
      'not an integer from 0 to 100; last response: "{\\"score\\": 150}"',
    );
  });

  it('uses the default revise prompt with the draft, score, issues and fixes', async () => {
    const context = createFakeExecutorContext({
      config: { ...config(), revise_prompt: undefined },
      spec,
      variables: { topic: 'tests' },
      responder: critic(score(10), score(99)),
    });
    await runEvaluatorOptimizer(context);
    expect(context.calls[2]?.input).toMatch(
      /Draft:\n\[Write about tests\.\][\s\S]*Score: 10\/100 \(needed: 80\)[\s\S]*- thin[\s\S]*- expand/,
    );
  });

  it('asks the review gate after a rejected evaluation: feedback reaches the revision, approve accepts', async () => {
    const answers = ['make it shorter', 'approve'];
    const context = createFakeExecutorContext({
      config: config({
        review_gate: {
          type: 'hitl',
          prompt: 'Review?',
          context_display: '{{ iterations[-1].score }} at {{ iteration_index }}',
        },
      }),
      spec,
      variables: { topic: 'tests' },
      responder: critic(score(10), score(20), score(30)),
      human: () => answers.shift() ?? 'none',
    });
    const result = await runEvaluatorOptimizer(context);
    expect(context.questions.map((question) => [question.contextDisplay, question.step.occurrence])).toEqual([
      ['10 at 0', 1],
      ['20 at 1', 2],
    ]);
    expect(context.calls[2]?.input).toMatch(/Reviewer feedback:\nmake it shorter$/);
    expect(result.context).toMatchObject({ iterations: 2, final_score: 20 });
    expect(context.calls).toHaveLength(4);
  });
});
