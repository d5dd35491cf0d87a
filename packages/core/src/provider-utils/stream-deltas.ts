import { ProviderCallError } from '../spec/v1/errors.js';
import type { ModelResponseV1, ModelStreamPartV1 } from '../spec/v1/model-provider-v1.js';

/** What a provider's stream assembler offers: it folds the vendor's chunks into one model turn. */
export interface TurnStreamAssembler<Chunk> {
  /** Takes one chunk; returns the text it adds ('' when none). */
  add(chunk: Chunk): string;
  /** True once the vendor said the turn is complete (a stop reason, `done`, a metadata event). */
  readonly finished: boolean;
  /** The whole turn, once finished. */
  response(): ModelResponseV1;
}

/** Which provider and model a stream belongs to, for the error of a stream that stops short. */
export interface StreamSource {
  readonly providerId: string;
  /** The provider as messages name it, e.g. `OpenAI`. */
  readonly displayName: string;
  readonly modelId: string;
}

/**
 * Feeds a vendor stream to `assembler`, yielding a `text-delta` part for every piece of text, and
 * returns the assembled turn (the caller yields it as `finish`). A stream that ends before the vendor
 * said the turn is complete throws a retryable `stream-cut` ProviderCallError: a proxy or server that
 * drops the connection cleanly must not pass for a short answer.
 * @example
 * const turn = yield* streamTextDeltas(chunks, new MyAssembler(), { providerId: 'my', displayName: 'My', modelId });
 * yield { type: 'finish', response: turn };
 */
export async function* streamTextDeltas<Chunk>(
  chunks: AsyncIterable<Chunk> | Iterable<Chunk>,
  assembler: TurnStreamAssembler<Chunk>,
  source: StreamSource,
): AsyncGenerator<ModelStreamPartV1, ModelResponseV1> {
  for await (const chunk of chunks) {
    const text = assembler.add(chunk);
    if (text !== '') yield { type: 'text-delta', text };
  }
  if (!assembler.finished) {
    throw new ProviderCallError({
      providerId: source.providerId,
      kind: 'stream-cut',
      message: `The ${source.displayName} stream for model '${source.modelId}' ended before the answer was complete`,
      modelId: source.modelId,
    });
  }
  return assembler.response();
}
