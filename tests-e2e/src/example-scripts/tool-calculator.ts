import type { ScriptedReply } from '@strands-cli/test-servers';
import type { Conversation } from './conversation.js';
import { callTools, type ExampleScript, say, unexpected } from './example-script.js';

const request = /cost of (\d+) machines at ([\d.]+) USD per hour.*?plus (\d+) GB of storage at ([\d.]+) USD/s;

const money = (value: string) => Number(value).toFixed(2);

/** The final answer, from the four calculator results. */
function estimate(numbers: RegExpExecArray, results: readonly string[]): string {
  const [, machines, rate, gigabytes, price] = numbers;
  const [compute = '', storage = '', monthly = '', yearly = ''] = results;
  return [
    '| cost line | calculation | USD per month |',
    '|---|---|---|',
    `| compute | ${machines} × ${rate} × 730 h | ${money(compute)} |`,
    `| storage | ${gigabytes} GB × ${price} | ${money(storage)} |`,
    `| **total** | | **${money(monthly)}** |`,
    '',
    `Monthly total: **${money(monthly)} USD**. Yearly total: **${money(yearly)} USD** (12 months).`,
  ].join('\n');
}

/** `examples/tool-calculator-openai.yaml`: two rounds of calculator calls, then the table. */
export const toolCalculator: ExampleScript = {
  name: 'tool-calculator-openai',
  providers: ['openai'],
  answer: (conversation: Conversation): ScriptedReply => {
    const numbers = request.exec(conversation.input);
    if (!numbers) return unexpected(conversation);
    const [, machines, rate, gigabytes, price] = numbers;
    const results = conversation.toolResults;
    if (results.length === 0) {
      return callTools(conversation, [
        { id: 'call_compute', name: 'calculator', input: { expression: `${machines} * ${rate} * 730` } },
        { id: 'call_storage', name: 'calculator', input: { expression: `${gigabytes} * ${price}` } },
      ]);
    }
    if (results.length === 2) {
      const [compute, storage] = results;
      return callTools(conversation, [
        { id: 'call_monthly', name: 'calculator', input: { expression: `${compute} + ${storage}` } },
        { id: 'call_yearly', name: 'calculator', input: { expression: `(${compute} + ${storage}) * 12` } },
      ]);
    }
    return say(conversation, estimate(numbers, results));
  },
  modelCalls: 3,
  toolCalls: 4,
  artifacts: ['cost-estimate.md'],
  resultContains: 'Monthly total: **1721.92 USD**',
};
