import type { Conversation } from './conversation.js';
import { type ExampleScript, say, unexpected } from './example-script.js';

const firstDraft = `Meet the Trailhead 2, the best bottle you will ever take on a trail. Its double-walled stainless steel keeps drinks cold for 24 hours and hot for 12, so your coffee is still warm at the summit. The leak-proof lid has a handy carry loop, and it is dishwasher safe for easy cleaning. Available in five great colours. 750 ml. 39 EUR.`;

const firstEvaluation = {
  score: 62,
  issues: [
    '"the best bottle you will ever take" is a superlative the facts do not support',
    'the weight (340 g), which matters most to this reader, is missing',
    'at 62 words it is below the 80-word minimum',
  ],
  fixes: [
    'replace the superlative with a concrete benefit',
    'open with the 340 g weight and the 750 ml capacity',
    'add a sentence on how the bottle fits a day hike to reach 80-120 words',
  ],
};

const revision = `At 340 g, the Trailhead 2 carries a full 750 ml without weighing down your day pack. Its double-walled stainless steel keeps water cold for 24 hours and coffee hot for 12, so one bottle covers an early start and a long afternoon on the trail. The leak-proof lid means you can pack it upright or on its side next to your jacket, and the carry loop clips to a strap or hangs from a finger on short walks. When you get home, it goes straight into the dishwasher. Choose from five colours. 39 EUR.`;

const secondEvaluation = {
  score: 91,
  issues: ['"next to your jacket" is a little informal'],
  fixes: ['optional: "in any position in your pack"'],
};

function evaluate(conversation: Conversation) {
  const evaluation = /the best bottle/i.test(conversation.input) ? firstEvaluation : secondEvaluation;
  return say(conversation, JSON.stringify(evaluation));
}

function answer(conversation: Conversation) {
  const input = conversation.input;
  if (input.startsWith('You write product descriptions')) return say(conversation, firstDraft);
  if (input.startsWith('Score this product description')) return evaluate(conversation);
  if (input.startsWith('Revise your product description')) return say(conversation, revision);
  return unexpected(conversation);
}

/** `examples/evaluator-optimizer-writing.yaml`: the first draft scores 62, the revision 91 (accepted). */
export const evaluatorOptimizerWriting: ExampleScript = {
  name: 'evaluator-optimizer-writing',
  providers: ['openai'],
  answer,
  modelCalls: 4,
  artifacts: ['product-description.md'],
  resultContains: 'At 340 g, the Trailhead 2',
};
