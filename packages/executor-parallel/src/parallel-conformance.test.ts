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

const reviewedBranches = [
  {
    id: 'web',
    steps: [
      { agent: 'reviewer', input: 'Scrape' },
      { type: 'hitl', prompt: 'Data OK?', context_display: '{{ steps[0].response }}' },
      { agent: 'reviewer', input: 'Validate ({{ hitl_response }})' },
    ],
  },
  {
    id: 'docs',
    steps: [
      { agent: 'reviewer', input: 'Read docs' },
      { type: 'hitl', prompt: 'Docs OK?' },
    ],
  },
];

testExecutor({
  executor: parallelExecutor,
  cases: [
    {
      name: 'human steps in two branches, then a human review as reduce',
      spec: {
        ...base,
        name: 'reviewed',
        pattern: {
          type: 'parallel',
          config: {
            branches: reviewedBranches,
            reduce: {
              type: 'hitl',
              prompt: 'Approve the results?',
              context_display: '{{ branches.web.response }} / {{ branches.docs.response }}',
            },
          },
        },
      },
      human: (question) => `answer to ${question.prompt}`,
      expectResponse: 'answer to Approve the results?',
    },
    {
      name: 'a human step in one branch, then an agent reduce',
      spec: {
        ...base,
        name: 'branch-review',
        pattern: {
          type: 'parallel',
          config: {
            branches: [reviewedBranches[0], { id: 'facts', steps: [{ agent: 'reviewer', input: 'Facts' }] }],
            reduce: { agent: 'editor', input: '{{ branches.web.response }} + {{ branches.facts.response }}' },
          },
        },
      },
      human: () => 'approved',
    },
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
