import { expect } from 'vitest';
import { ProviderCallError } from '../spec/v1/errors.js';
import type { ModelResponseV1, ModelStreamPartV1, UsageV1 } from '../spec/v1/model-provider-v1.js';

/** Fields of a {@link ProviderCallError} a test may pin (typos in the names do not compile). */
export type ExpectedProviderFailure = { readonly [Key in keyof ProviderCallError]?: unknown };

/**
 * The response of a plain text turn that ended normally: no tool calls, finish reason `stop`.
 * @example
 * expect(await provider.generate(request)).toEqual(stopResponse('Hello', { inputTokens: 12, outputTokens: 3 }));
 */
export function stopResponse(text: string, usage: UsageV1): ModelResponseV1 {
  return { text, toolCalls: [], finishReason: 'stop', usage };
}

/**
 * Drains `stream` and asserts it is a plain text turn: exactly these text deltas in order, then a last
 * `finish` part carrying their concatenation as a {@link stopResponse} with `usage`. Returns every
 * part, for checks of the provider's own.
 * @example
 * await expectTextStream(provider.stream(request), ['one ', 'two'], { inputTokens: 5, outputTokens: 2 });
 */
export async function expectTextStream(
  stream: AsyncIterable<ModelStreamPartV1>,
  deltas: readonly string[],
  usage: UsageV1,
): Promise<ModelStreamPartV1[]> {
  const parts: ModelStreamPartV1[] = [];
  for await (const part of stream) parts.push(part);
  expect(parts.flatMap((part) => (part.type === 'text-delta' ? [part.text] : []))).toEqual(deltas);
  expect(parts.at(-1)).toEqual({ type: 'finish', response: stopResponse(deltas.join(''), usage) });
  return parts;
}

/**
 * Awaits `promise` and asserts it rejects with a {@link ProviderCallError} whose fields match `expected`
 * (a subset, as in `toMatchObject`); fails the test when it resolves or rejects with anything else.
 * Returns the error, for checks of its message or hint.
 * @example
 * const error = await expectProviderFailure(provider.generate(request), { kind: 'auth', isRetryable: false });
 * expect(error.hint).toMatch(/API_KEY/);
 */
export async function expectProviderFailure(
  promise: Promise<unknown>,
  expected: ExpectedProviderFailure = {},
): Promise<ProviderCallError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, 'the call should have failed with a ProviderCallError').toBeInstanceOf(ProviderCallError);
  expect(error).toMatchObject(expected);
  return error as ProviderCallError;
}
