/**
 * The GenAI convention's message shapes for `gen_ai.input.messages` / `gen_ai.output.messages`, as
 * JSON strings. The run's events carry an invocation's rendered user message and its final answer
 * (not every turn's messages), so an `invoke_agent` span holds those two: one user message in, one
 * assistant message out.
 */

/** One user message with the (already redacted) text. */
export function agentInputMessages(text: string): string {
  return JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: text }] }]);
}

/** One assistant message with the (already redacted) final answer. */
export function agentOutputMessages(text: string): string {
  return JSON.stringify([
    { role: 'assistant', parts: [{ type: 'text', content: text }], finish_reason: 'stop' },
  ]);
}
