import { describe, expect, it } from 'vitest';
import { ProviderCallError } from '../spec/v1/errors.js';
import type { ModelStreamPartV1 } from '../spec/v1/model-provider-v1.js';
import { expectProviderFailure, expectTextStream, stopResponse } from './provider-expectations.js';

const usage = { inputTokens: 3, outputTokens: 2 };

async function* streamOf(...parts: ModelStreamPartV1[]): AsyncGenerator<ModelStreamPartV1> {
  yield* parts;
}

describe('stopResponse', () => {
  it('builds a text turn without tool calls that stopped normally', () => {
    expect(stopResponse('Hi', usage)).toEqual({ text: 'Hi', toolCalls: [], finishReason: 'stop', usage });
  });
});

describe('expectTextStream', () => {
  const finish: ModelStreamPartV1 = { type: 'finish', response: stopResponse('a b', usage) };

  it('returns every part of a text stream with the expected deltas and finish', async () => {
    const deltas: ModelStreamPartV1[] = [
      { type: 'text-delta', text: 'a ' },
      { type: 'text-delta', text: 'b' },
    ];
    await expect(expectTextStream(streamOf(...deltas, finish), ['a ', 'b'], usage)).resolves.toEqual([
      ...deltas,
      finish,
    ]);
  });

  it('fails on other deltas, another usage or a missing finish', async () => {
    const parts: ModelStreamPartV1[] = [{ type: 'text-delta', text: 'a b' }, finish];
    await expect(expectTextStream(streamOf(...parts), ['a ', 'b'], usage)).rejects.toThrow();
    await expect(
      expectTextStream(streamOf(...parts), ['a b'], { inputTokens: 3, outputTokens: 9 }),
    ).rejects.toThrow();
    await expect(expectTextStream(streamOf(parts[0] as ModelStreamPartV1), ['a b'], usage)).rejects.toThrow();
  });
});

describe('expectProviderFailure', () => {
  const failure = new ProviderCallError({
    providerId: 'p',
    kind: 'server',
    message: 'busy',
    statusCode: 503,
  });

  it('returns the ProviderCallError a call rejects with when its fields match', async () => {
    await expect(
      expectProviderFailure(Promise.reject(failure), { kind: 'server', statusCode: 503 }),
    ).resolves.toBe(failure);
  });

  it('fails when the call resolves, rejects with another error, or the fields differ', async () => {
    await expect(expectProviderFailure(Promise.resolve('ok'))).rejects.toThrow(/ProviderCallError/);
    await expect(expectProviderFailure(Promise.reject(new Error('x')))).rejects.toThrow(/ProviderCallError/);
    await expect(expectProviderFailure(Promise.reject(failure), { kind: 'auth' })).rejects.toThrow();
  });
});
