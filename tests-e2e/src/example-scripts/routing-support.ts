import type { Conversation } from './conversation.js';
import { type ExampleScript, say, unexpected } from './example-script.js';

/** The classifier's choice, by the words a real model would key on. */
function routeFor(message: string): string {
  if (/lawyer|legal|complain|unacceptable|cancel/i.test(message)) return 'escalate';
  if (/charged|invoice|refund|payment|bill/i.test(message)) return 'billing';
  return 'technical';
}

const diagnosis = `1. The drops started right after Monday's firmware update, so the update is the most likely cause.
2. Hourly drops that need a restart point to a memory leak or a crashing Wi-Fi driver in the new firmware, not to interference.
3. Check the router's status page for the firmware version and for uptime resets around the drops.
4. If a fixed firmware is available, update; otherwise roll back to the previous version.
5. As a stop-gap, schedule a nightly reboot and use a wired connection for work calls.`;

const friendlyReply = `Thanks for the clear description, and sorry for the trouble while you work from home. Here is what we suggest:

- The drops began with Monday's firmware update, so that update is almost certainly the cause.
- Please open the router's status page and note the firmware version; we will check it for a newer, fixed release.
- If there is none yet, we will walk you through rolling back to the previous version (about ten minutes).
- Until then, a wired connection for work calls avoids the drops.
- Reply here if the problem continues after the update or rollback, and we will replace the router.`;

/** Answers the route steps (every route has a scripted answer, so a live `--var message=...` works). */
function routeStep(conversation: Conversation) {
  const input = conversation.input;
  if (input.startsWith('Diagnose this problem:')) return say(conversation, diagnosis);
  if (input.startsWith('Rewrite this diagnosis')) return say(conversation, friendlyReply);
  if (input.startsWith('Answer this billing question:')) {
    return say(
      conversation,
      'We have found the duplicate charge and refunded it; it reaches your account within 5 business days.',
    );
  }
  if (input.startsWith('Write an escalation ticket')) {
    return say(
      conversation,
      '**Escalation:** the customer asks for a human follow-up. Priority: high. Contact within 24 hours.',
    );
  }
  return unexpected(conversation);
}

/** `examples/routing-support.yaml`: the router picks `technical`, whose two steps run as a chain. */
export const routingSupport: ExampleScript = {
  name: 'routing-support',
  providers: ['ollama'],
  answer: (conversation) => {
    const router = /^Customer message: (.*?)\n/s.exec(conversation.input);
    if (router) return say(conversation, `{"route": "${routeFor(router[1] ?? '')}"}`);
    return routeStep(conversation);
  },
  modelCalls: 3,
  artifacts: ['reply-technical.md'],
  resultContains: 'rolling back to the previous version',
};
