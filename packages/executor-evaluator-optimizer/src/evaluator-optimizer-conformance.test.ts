import type { ModelRequestV1 } from '@strands-cli/core/spec';
import { testExecutor } from '@strands-cli/core/testing';
import evaluatorOptimizerExecutor from './index.js';

/** The critic scores by the number of revisions it sees; the writer echoes like the default mock. */
function script(request: ModelRequestV1): string {
  const last = request.messages.at(-1);
  const text = last?.role === 'user' ? last.content : '';
  if (!text.includes('Respond with valid JSON')) return `mock: ${text}`;
  return text.includes('Revise')
    ? '{"score": 90, "issues": []}'
    : '```json\n{"score": 40, "issues": ["thin"]}\n```';
}

const spec = (config: Record<string, unknown>) => ({
  version: 1,
  name: 'essay',
  runtime: { provider: 'ollama', model_id: 'test-model' },
  inputs: { values: { topic: 'tests' } },
  agents: { writer: { prompt: 'Write about {{ topic }}.' }, critic: { prompt: 'You judge.' } },
  pattern: { type: 'evaluator_optimizer', config },
});

testExecutor({
  executor: evaluatorOptimizerExecutor,
  cases: [
    {
      name: 'a draft revised once, then accepted',
      spec: spec({
        producer: 'writer',
        evaluator: { agent: 'critic', input: 'Judge: {{ draft }}' },
        accept: { min_score: 80 },
        revise_prompt: 'Revise {{ draft }} ({{ evaluation.score }})',
      }),
      responses: script,
      expectResponse: 'mock: Revise mock: Write about tests. (40)',
    },
    {
      name: 'a review gate whose feedback reaches the revision',
      spec: spec({
        producer: 'writer',
        evaluator: { agent: 'critic' },
        accept: { min_score: 80, max_iters: 2 },
        review_gate: {
          type: 'hitl',
          prompt: 'approve, continue or feedback?',
          context_display: 'Score {{ iterations[-1].score }}',
        },
      }),
      responses: script,
      human: () => 'be brief',
      expectResponse: /be brief$/,
    },
  ],
});
