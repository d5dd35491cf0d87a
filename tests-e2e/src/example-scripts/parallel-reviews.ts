import { type ExampleScript, sayByPrefix } from './example-script.js';

const clarity = `> "Our new heat pump cuts heating bills by 70% in every climate."
Clear, but "every climate" is vague: say which climates and compared to what.

> "It works at any temperature, even -40 degrees, and it never needs maintenance."
Two claims in one sentence; split them. "-40 degrees" needs a unit.

> "Installation takes an afternoon, and most homeowners recover the cost within a year."
Readable. "Recover the cost" needs a basis: the purchase price, or the extra cost over a boiler?

The closing call to action is fine.`;

const claritySummary = `1. Say what the 70% saving is compared to, and in which climates.
2. Split the temperature and maintenance claims, and give the unit for -40.
3. Explain what "recover the cost within a year" is measured against.`;

const accuracy = `> "cuts heating bills by 70% in every climate"
Not supportable: savings depend on the climate, the house and energy prices; 30 to 60% against resistance heating is typical.

> "It works at any temperature, even -40 degrees"
Inaccurate: most cold-climate units need a backup heater below about -25 to -30 °C.

> "it never needs maintenance"
False: filters, coils and refrigerant checks need regular service.

> "most homeowners recover the cost within a year"
Implausible: typical payback periods are several years.`;

const tone = `> "Switch today and join thousands of happy customers."
The tone is pushy for a general audience, and absolute words ("every", "any", "never") read as hype and undermine trust. A calmer, evidence-based tone ("in most homes", "typically") would persuade better.`;

const verdict = `**Verdict: revise.**

The draft is readable, but four of its claims are inaccurate or unsupportable (70% savings everywhere, any temperature, no maintenance, payback within a year), and its absolute wording reads as hype.

Before publishing:
1. Replace the savings claim with a sourced range and say what it is compared to.
2. State the real operating range and mention the backup heater.
3. Drop "never needs maintenance"; describe the yearly service instead.
4. Give a realistic payback period, with its assumptions.
5. Soften the absolute words and the closing call to action.`;

/** `examples/parallel-reviews.yaml`: three reviews at once, then an editor's verdict. */
export const parallelReviews: ExampleScript = {
  name: 'parallel-reviews',
  providers: ['ollama'],
  answer: sayByPrefix([
    ['Review this draft for clarity', clarity],
    ['Condense this clarity review', claritySummary],
    ['Review this draft for factual accuracy', accuracy],
    ['Review this draft for tone', tone],
    ['Merge these reviews', verdict],
  ]),
  modelCalls: 5,
  artifacts: ['review.md'],
  resultContains: '**Verdict: revise.**',
};
