import { testExecutor } from '@strands-cli/core/testing';
import parallelExecutor from './index.js';

const base = {
  version: 1,
  runtime: { provider: 'ollama', model_id: 'test-model', max_parallel: 2 },
  agents: {
    reviewer: { prompt: 'You review.' },
    editor: { prompt: 'You edit.' },
  },
};
const branches = [
  {
    id: 'style',
    steps: [
      { agent: 'reviewer', input: 'Style of {{ draft }}' },
      { agent: 'reviewer', input: 'Shorten {{ last_response }}' },
    ],
  },
  { id: 'facts', steps: [{ agent: 'reviewer', input: 'Facts of {{ draft }}' }] },
];

testExecutor({
  executor: parallelExecutor,
  cases: [
    {
      name: 'branches with reduce',
      spec: {
        ...base,
        name: 'with-reduce',
        inputs: { values: { draft: 'the draft' } },
        pattern: {
          type: 'parallel',
          config: {
            branches,
            reduce: {
              agent: 'editor',
              input: '{{ branches.style.response }} | {{ branches.facts.response }}',
            },
          },
        },
      },
      expectResponse: 'mock: mock: Shorten mock: Style of the draft | mock: Facts of the draft',
    },
    {
      name: 'branches without reduce',
      spec: {
        ...base,
        name: 'without-reduce',
        inputs: { values: { draft: 'the draft' } },
        pattern: { type: 'parallel', config: { branches } },
      },
      expectResponse:
        'Branch facts:\nmock: Facts of the draft\n\n---\n\nBranch style:\nmock: Shorten mock: Style of the draft',
    },
  ],
});
