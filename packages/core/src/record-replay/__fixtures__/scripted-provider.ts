import type {
  ModelProviderV1,
  ModelRequestV1,
  ModelResponseV1,
  ModelStreamPartV1,
} from '../../spec/v1/model-provider-v1.js';

/** A scripted turn: the response, and for streams the text pieces to send before it. */
export interface ScriptedTurn {
  readonly response: ModelResponseV1;
  readonly pieces?: readonly string[];
  /** Resolves when the turn may answer (to finish calls in a chosen order). */
  readonly gate?: Promise<void>;
}

/** A provider client that answers from a function of the request and counts its calls. */
export interface ScriptedProvider extends ModelProviderV1 {
  readonly calls: ModelRequestV1[];
  closed: number;
}

/** Creates a {@link ScriptedProvider}; `answer` picks the turn for each request. */
export function scriptedProvider(
  id: string,
  answer: (request: ModelRequestV1) => ScriptedTurn,
): ScriptedProvider {
  const calls: ModelRequestV1[] = [];
  const provider: ScriptedProvider = {
    specificationVersion: 'v1',
    id,
    calls,
    closed: 0,
    async generate(request) {
      calls.push(request);
      const turn = answer(request);
      await turn.gate;
      return turn.response;
    },
    async *stream(request): AsyncGenerator<ModelStreamPartV1> {
      calls.push(request);
      const turn = answer(request);
      await turn.gate;
      for (const text of turn.pieces ?? [turn.response.text]) yield { type: 'text-delta', text };
      yield { type: 'finish', response: turn.response };
    },
    async close() {
      provider.closed++;
    },
  };
  return provider;
}

/** A plain text answer. */
export function textTurn(text: string, usage = { inputTokens: 10, outputTokens: 5 }): ScriptedTurn {
  return { response: { text, toolCalls: [], finishReason: 'stop', usage } };
}

/** Collects a stream into its parts. */
export async function collect(stream: AsyncIterable<ModelStreamPartV1>): Promise<ModelStreamPartV1[]> {
  const parts: ModelStreamPartV1[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}
