import type { ModelRequestV1 } from '@strands-cli/core/spec';
import { testExecutor } from '@strands-cli/core/testing';
import orchestratorWorkersExecutor from './index.js';

/** The orchestrator plans two tasks in round 1 and two more in round 2; workers and reducers echo. */
function script(request: ModelRequestV1): string {
  const last = request.messages.at(-1);
  const text = last?.role === 'user' ? last.content : '';
  if (text.includes('asked for changes: split alpha'))
    return '[{"task": "alpha 1"}, {"task": "alpha 2"}, {"task": "beta"}]';
  if (text.includes('Round 1 is done')) return '[{"task": "gamma"}, {"task": "delta"}]';
  if (text.includes('Break the work')) return 'Plan:\n```json\n[{"task": "alpha"}, {"task": "beta"}]\n```';
  return `mock: ${text.split('\n')[0]}`;
}

const base = {
  version: 1,
  name: 'split',
  runtime: { provider: 'ollama', model_id: 'test-model' },
  inputs: { values: { topic: 'tea' } },
  agents: {
    planner: { prompt: 'You split.' },
    worker: { prompt: 'You work.' },
    reducer: { prompt: 'You merge.' },
  },
};

testExecutor({
  executor: orchestratorWorkersExecutor,
  cases: [
    {
      name: 'two rounds, the total bounded by max_workers (delta dropped), reduce and writeup',
      spec: {
        ...base,
        pattern: {
          type: 'orchestrator_workers',
          config: {
            orchestrator: { agent: 'planner', limits: { max_workers: 3, max_rounds: 2 } },
            worker_template: { agent: 'worker' },
            reduce: {
              agent: 'reducer',
              input: '{{ num_workers }} on {{ topic }}: {% for w in workers %}{{ w.response }};{% endfor %}',
            },
            writeup: { agent: 'reducer', input: 'Write up {{ reduce_response }}' },
          },
        },
      },
      responses: script,
      expectResponse: 'mock: Write up mock: 3 on tea: mock: alpha;mock: beta;mock: gamma;',
    },
    {
      name: 'no reduce: the workers joined',
      spec: {
        ...base,
        pattern: {
          type: 'orchestrator_workers',
          config: { orchestrator: { agent: 'planner' }, worker_template: { agent: 'worker' } },
        },
      },
      responses: script,
      expectResponse: 'Worker 1: mock: alpha\n\nWorker 2: mock: beta',
    },
    {
      name: 'decomposition and reduce reviews',
      spec: {
        ...base,
        pattern: {
          type: 'orchestrator_workers',
          config: {
            orchestrator: { agent: 'planner' },
            decomposition_review: {
              type: 'hitl',
              prompt: 'Plan ok?',
              context_display: '{{ task_count }} tasks',
            },
            worker_template: { agent: 'worker' },
            reduce_review: { type: 'hitl', prompt: 'Results ok?', context_display: '{{ workers[0].task }}' },
            reduce: { agent: 'reducer', input: 'Merge ({{ hitl_response }}) {{ num_workers }}' },
          },
        },
      },
      responses: script,
      human: (question) => (question.prompt === 'Plan ok?' ? 'approve' : 'looks fine'),
      expectResponse: 'mock: Merge (looks fine) 2',
    },
    {
      name: 'a decomposition review whose feedback makes the orchestrator re-plan',
      spec: {
        ...base,
        pattern: {
          type: 'orchestrator_workers',
          config: {
            orchestrator: { agent: 'planner' },
            decomposition_review: {
              type: 'hitl',
              prompt: 'Plan ok?',
              context_display: '{{ task_count }} tasks',
            },
            worker_template: { agent: 'worker' },
          },
        },
      },
      responses: script,
      human: (question) => (question.contextDisplay === '2 tasks' ? 'split alpha' : 'approve'),
      expectResponse: 'Worker 1: mock: alpha 1\n\nWorker 2: mock: alpha 2\n\nWorker 3: mock: beta',
    },
  ],
});
