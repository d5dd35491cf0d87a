import { testExecutor } from '@strands-cli/core/testing';
import graphExecutor from './index.js';

const base = {
  version: 1,
  runtime: { provider: 'ollama', model_id: 'test-model', max_parallel: 2 },
  agents: {
    writer: { prompt: 'You write.' },
    critic: { prompt: 'You criticise.' },
  },
};

testExecutor({
  executor: graphExecutor,
  cases: [
    {
      name: 'a loop that exits on its condition after the second draft',
      spec: {
        ...base,
        name: 'loop',
        pattern: {
          type: 'graph',
          config: {
            nodes: {
              draft: { agent: 'writer', input: 'Draft {{ nodes.draft.iteration }}' },
              review: { agent: 'critic', input: 'Review {{ nodes.draft.response }}' },
              publish: { agent: 'writer', input: 'Publish {{ nodes.review.response }}' },
            },
            edges: [
              { from: 'draft', to: ['review'] },
              {
                from: 'review',
                choose: [
                  { when: '{{ nodes.draft.iteration >= 2 }}', to: 'publish' },
                  { when: 'else', to: 'draft' },
                ],
              },
            ],
          },
        },
      },
      expectResponse: 'mock: Publish mock: Review mock: Draft 1',
    },
    {
      name: 'a human node deciding a loop, and a parallel fan-out',
      spec: {
        ...base,
        name: 'human-loop',
        pattern: {
          type: 'graph',
          config: {
            nodes: {
              plan: { agent: 'writer', input: 'Plan {{ hitl_response }}' },
              approve: { type: 'hitl', prompt: 'Approve?', context_display: '{{ nodes.plan.response }}' },
              left: { agent: 'writer', input: 'L {{ nodes.plan.response }}' },
              right: { agent: 'critic', input: 'R {{ nodes.plan.response }}' },
            },
            edges: [
              { from: 'plan', to: ['approve'] },
              {
                from: 'approve',
                choose: [
                  { when: "nodes.approve.response == 'yes'", to: 'left' },
                  { when: 'else', to: 'plan' },
                ],
              },
              { from: 'left', to: ['left', 'right'] },
            ],
            max_iterations: 2,
          },
        },
      },
      human: (question) => (question.contextDisplay?.includes('Plan revise') ? 'yes' : 'revise'),
      expectResponse: 'mock: R mock: Plan revise',
    },
  ],
});
