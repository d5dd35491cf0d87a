import type { Conversation } from './conversation.js';
import { type ExampleScript, say, unexpected } from './example-script.js';

const firstDraft = `On Tuesday morning our checkout API returned 502 errors for about 30% of requests after release 4.18 changed a connection-pool setting and exhausted database connections. We rolled back to 4.17 and the errors stopped shortly before 11:00. About 1,900 orders failed. We will load test pool settings before future releases and alert on pool saturation.`;

const review = `REVISE
- "502", "connection-pool" and "database connections" are jargon; say in plain words that checkout failed.
- "Tuesday morning" and "shortly before 11:00" are vague: give the window with its time zone (09:12 to 10:47 UTC).
- Customers whose order failed need to know what to do: nothing was charged twice, so they can simply order again.`;

const secondDraft = `On Tuesday between 09:12 and 10:47 UTC, about 3 in 10 attempts to check out on our shop failed with an error page. The cause was a configuration change in an update we released that morning; undoing the update fixed the problem. About 1,900 orders did not go through. No one was charged twice, so if your order failed you can simply place it again. To keep this from happening again, we now test this kind of change under heavy load before release and are alerted as soon as the system approaches its limits.`;

const polished = `## Checkout errors on Tuesday, 09:12-10:47 UTC

On Tuesday between 09:12 and 10:47 UTC, about 3 in 10 checkout attempts on our shop failed with an error page. A configuration change in an update released that morning caused it; undoing the update fixed the problem.

About 1,900 orders did not go through. **No one was charged twice**: if your order failed, you can simply place it again.

To keep this from happening again, we now test this kind of change under heavy load before release, and we are alerted as soon as the system approaches its limits.`;

/** The reviewer's verdict, by what a strict reviewer would object to in the draft it was given. */
function reviewOf(draft: string): string {
  return /502|connection-pool|database connections/i.test(draft) ? review : 'APPROVED';
}

function answer(conversation: Conversation) {
  const input = conversation.input;
  if (input.startsWith('Write a customer-facing summary')) {
    // A revision request carries the previous draft and the reviewer's notes.
    return say(conversation, input.includes('The reviewer sent it back') ? secondDraft : firstDraft);
  }
  if (input.startsWith('Review this incident summary')) return say(conversation, reviewOf(input));
  if (input.startsWith('Give this approved summary a short headline')) return say(conversation, polished);
  return unexpected(conversation);
}

/** `examples/graph-review-loop.yaml`: the reviewer sends the first draft back once, then approves. */
export const graphReviewLoop: ExampleScript = {
  name: 'graph-review-loop',
  providers: ['ollama'],
  answer,
  modelCalls: 5,
  artifacts: ['incident-summary.md'],
  resultContains: '**No one was charged twice**',
};
