import type { ModelRequestV1 } from '@strands-cli/core/spec';
import { testExecutor } from '@strands-cli/core/testing';
import routingExecutor from './index.js';

/** A route `{ then: steps }` (built this way because a literal `then` key reads as a thenable to linters). */
const route = (steps: Array<Record<string, unknown>>) => Object.fromEntries([['then', steps]]);

/** The router answers with a route; every other agent echoes like the default mock. */
function script(request: ModelRequestV1): string {
  const last = request.messages.at(-1);
  const text = last?.role === 'user' ? last.content : '';
  return text.includes('Respond with valid JSON') ? '{"route": "technical"}' : `mock: ${text}`;
}

testExecutor({
  executor: routingExecutor,
  cases: [
    {
      name: 'a router and a two-step route',
      spec: {
        version: 1,
        name: 'support',
        runtime: { provider: 'ollama', model_id: 'test-model' },
        inputs: { values: { message: 'it broke' } },
        agents: {
          classifier: { prompt: 'You classify.' },
          engineer: { prompt: 'You fix.' },
        },
        pattern: {
          type: 'routing',
          config: {
            router: { agent: 'classifier', input: 'Classify: {{ message }}' },
            routes: {
              billing: route([{ agent: 'engineer', input: 'Bill {{ message }}' }]),
              technical: route([
                { agent: 'engineer', input: 'Fix {{ message }} via {{ router.chosen_route }}' },
                { agent: 'engineer', input: 'Summarise {{ steps[0].response }}' },
              ]),
            },
          },
        },
      },
      responses: script,
      expectResponse: 'mock: Summarise mock: Fix it broke via technical',
    },
    {
      name: 'a reviewed route choice, overridden, and a human step in the route',
      spec: {
        version: 1,
        name: 'reviewed-support',
        runtime: { provider: 'ollama', model_id: 'test-model' },
        inputs: { values: { message: 'it broke' } },
        agents: {
          classifier: { prompt: 'You classify.' },
          engineer: { prompt: 'You fix.' },
        },
        pattern: {
          type: 'routing',
          config: {
            router: {
              agent: 'classifier',
              input: 'Classify: {{ message }}',
              review_router: {
                type: 'hitl',
                prompt: 'approved or route:<name>?',
                context_display: '{{ router.chosen_route }}: {{ router.response }}',
              },
            },
            routes: {
              billing: route([
                { agent: 'engineer', input: 'Bill {{ message }} ({{ hitl_response }})' },
                { type: 'hitl', prompt: 'Refund?' },
              ]),
              technical: route([{ agent: 'engineer', input: 'Fix {{ message }}' }]),
            },
          },
        },
      },
      responses: script,
      human: (question) => (question.prompt === 'Refund?' ? 'yes' : 'route:billing'),
      expectResponse: 'yes',
    },
  ],
});
