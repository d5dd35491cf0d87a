import { testExecutor } from '@strands-cli/core/testing';
import workflowExecutor from './index.js';

const base = {
  version: 1,
  runtime: { provider: 'ollama', model_id: 'test-model', max_parallel: 2 },
  agents: {
    researcher: { prompt: 'You research.' },
    writer: { prompt: 'You write.' },
  },
};

testExecutor({
  executor: workflowExecutor,
  cases: [
    {
      name: 'human review gates beside an independent task',
      spec: {
        ...base,
        name: 'review',
        pattern: {
          type: 'workflow',
          config: {
            tasks: [
              { id: 'research', agent: 'researcher', input: 'Research' },
              {
                id: 'review',
                type: 'hitl',
                deps: ['research'],
                prompt: 'Approve?',
                context_display: '{{ tasks.research.response }}',
              },
              { id: 'side', agent: 'writer', input: 'Side work' },
              {
                id: 'report',
                agent: 'writer',
                deps: ['review', 'side'],
                input: '{{ hitl_response }} / {{ tasks.side.response }}',
              },
              { id: 'sign_off', type: 'hitl', deps: ['report'], prompt: 'Sign off?' },
            ],
          },
        },
      },
      human: (question) => (question.prompt === 'Approve?' ? 'approved' : 'signed'),
      expectResponse: 'signed',
    },
    {
      name: 'a diamond DAG',
      spec: {
        ...base,
        name: 'diamond',
        inputs: { values: { topic: 'tides' } },
        pattern: {
          type: 'workflow',
          config: {
            tasks: [
              { id: 'collect', agent: 'researcher', input: 'Collect {{ topic }}' },
              { id: 'left', agent: 'researcher', deps: ['collect'], input: 'L {{ tasks.collect.response }}' },
              {
                id: 'right',
                agent: 'researcher',
                deps: ['collect'],
                input: 'R {{ tasks.collect.response }}',
              },
              {
                id: 'join',
                agent: 'writer',
                deps: ['left', 'right'],
                input: '{{ tasks.left.response }} + {{ tasks.right.response }}',
              },
            ],
          },
        },
      },
      expectResponse: 'mock: mock: L mock: Collect tides + mock: R mock: Collect tides',
    },
    {
      name: 'a one-task workflow',
      spec: {
        ...base,
        name: 'one-task',
        pattern: { type: 'workflow', config: { tasks: [{ id: 'only', agent: 'writer', input: 'Hello' }] } },
      },
      expectResponse: 'mock: Hello',
    },
  ],
});
