import { describe, expect, it } from 'vitest';
import type { ModelStreamPartV1 } from '../spec/v1/model-provider-v1.js';
import { streamTextDeltas, type TurnStreamAssembler } from './stream-deltas.js';

/** Chunks are strings; `'<done>'` completes the turn. */
function assembler(): TurnStreamAssembler<string> {
  let text = '';
  let finished = false;
  return {
    add(chunk) {
      if (chunk === '<done>') {
        finished = true;
        return '';
      }
      text += chunk;
      return chunk;
    },
    get finished() {
      return finished;
    },
    response: () => ({ text, toolCalls: [], finishReason: 'stop' }),
  };
}

async function* chunks(...values: string[]): AsyncGenerator<string> {
  yield* values;
}

const source = { providerId: 'demo', displayName: 'Demo', modelId: 'm1' };

async function run(values: string[]) {
  const parts: ModelStreamPartV1[] = [];
  const stream = streamTextDeltas(chunks(...values), assembler(), source);
  for (;;) {
    const next = await stream.next();
    if (next.done) return { parts, response: next.value };
    parts.push(next.value);
  }
}

describe('streamTextDeltas', () => {
  it('yields a delta per piece of text, skips empty ones, and returns the turn', async () => {
    const { parts, response } = await run(['Hel', '', 'lo', '<done>']);
    expect(parts).toEqual([
      { type: 'text-delta', text: 'Hel' },
      { type: 'text-delta', text: 'lo' },
    ]);
    expect(response).toEqual({ text: 'Hello', toolCalls: [], finishReason: 'stop' });
  });

  it('throws a retryable stream-cut when the stream ends before the turn is complete', async () => {
    await expect(run(['Hel'])).rejects.toMatchObject({
      name: 'ProviderCallError',
      providerId: 'demo',
      kind: 'stream-cut',
      isRetryable: true,
      modelId: 'm1',
      message: "The Demo stream for model 'm1' ended before the answer was complete",
    });
  });
});
