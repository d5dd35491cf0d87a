import { ProviderCallError } from '../spec/v1/errors.js';
import type {
  ModelProviderV1,
  ModelRequestV1,
  ModelResponseV1,
  ModelStreamPartV1,
} from '../spec/v1/model-provider-v1.js';
import type { ToolV1 } from '../spec/v1/tool-v1.js';
import { canonicalRequest, requestKey } from './canonical-request.js';
import { readCassette } from './cassette-file.js';
import type { CassetteEntryV1, CassetteV1 } from './cassette-format.js';
import { CassetteMissError, findNearestRecorded } from './cassette-miss-error.js';
import { indexEntries, pickQueue } from './entry-queues.js';
import { createToolReplayer } from './tool-replayer.js';

/** Options for {@link createReplayer}. */
export interface ReplayerOptions {
  /** Names the cassette in miss messages (the file path); default `the cassette`. */
  readonly source?: string;
}

/** Answers model calls from a cassette; see {@link createReplayer}. */
export interface Replayer {
  /**
   * A client for a provider name (as the spec gives it) that answers from the cassette. It opens no
   * connection and needs no credentials. The same name always gives the same client.
   */
  provider(providerId: string): ModelProviderV1;
  /** The entries no call has been answered from yet (a shorter run than the recording leaves some). */
  unusedEntries(): readonly CassetteEntryV1[];
  /**
   * A stand-in for `tool` that answers its calls from the cassette's recorded tool calls without
   * running it. Use it only when {@link Replayer.recordsTools} is true.
   */
  tool(tool: ToolV1): ToolV1;
  /**
   * True when the cassette records tool calls (it has a `tools` list, even an empty one). Cassettes
   * written before tool calls were recorded have none; a replay of those runs the tools for real.
   */
  readonly recordsTools: boolean;
  /** Provider names the cassette holds calls for. */
  readonly providerIds: readonly string[];
  /** The cassette it answers from. */
  readonly cassette: CassetteV1;
}

/**
 * Creates a replayer over a cassette. A request is answered by the entry whose key is the SHA-256 of
 * the request's canonical form; a request recorded several times is answered by its entries in recorded
 * order. Answers are independent of call order otherwise, so parallel branches replay in any order.
 * A request that is not in the cassette throws a {@link CassetteMissError} (exit 10).
 */
export function createReplayer(cassette: CassetteV1, options: ReplayerOptions = {}): Replayer {
  const source = options.source ?? 'the cassette';
  const queues = indexEntries(cassette.entries, (entry) => [entry.key, requestKey(entry.request)]);
  const used = new Set<number>();
  const clients = new Map<string, ModelProviderV1>();
  const tools = createToolReplayer(cassette, source);

  const answer = (providerId: string, request: ModelRequestV1): CassetteEntryV1 => {
    if (request.signal?.aborted) {
      throw new ProviderCallError({ providerId, kind: 'aborted', message: 'The request was aborted' });
    }
    const canonical = canonicalRequest(providerId, request);
    const queue = pickQueue(queues, [requestKey(canonical)], used);
    const next = queue.find((index) => !used.has(index));
    if (next === undefined) {
      throw new CassetteMissError({
        cassette: source,
        request: canonical,
        nearest: queue.length > 0 ? undefined : findNearestRecorded(cassette.entries, canonical),
        recordedTimes: queue.length,
      });
    }
    used.add(next);
    return cassette.entries[next]!;
  };

  const provider = (providerId: string): ModelProviderV1 => {
    let client = clients.get(providerId);
    if (!client) {
      client = {
        specificationVersion: 'v1',
        id: providerId,
        generate: async (request) => structuredClone(answer(providerId, request).response),
        stream: (request) => replayStream(() => answer(providerId, request), request.signal, providerId),
        close: async () => undefined,
      };
      clients.set(providerId, client);
    }
    return client;
  };

  return {
    provider,
    unusedEntries: () => cassette.entries.filter((_, index) => !used.has(index)),
    tool: (tool) => tools.wrap(tool),
    recordsTools: cassette.tools !== undefined,
    providerIds: [...new Set(cassette.entries.map((entry) => entry.provider))],
    cassette,
  };
}

/** Reads a cassette file and creates a {@link Replayer} that names the file in its errors. */
export async function loadReplayer(path: string): Promise<Replayer> {
  return createReplayer(await readCassette(path), { source: path });
}

/**
 * Replays a recorded turn part by part. A turn recorded with `generate` streams as one text part, so
 * `--stream` does not change what a cassette can answer.
 */
async function* replayStream(
  lookUp: () => CassetteEntryV1,
  signal: AbortSignal | undefined,
  providerId: string,
): AsyncGenerator<ModelStreamPartV1> {
  const entry = lookUp();
  const response: ModelResponseV1 = structuredClone(entry.response);
  const chunks =
    entry.chunks ?? (response.text === '' ? [] : [{ type: 'text-delta' as const, text: response.text }]);
  for (const chunk of chunks) {
    if (signal?.aborted) {
      throw new ProviderCallError({ providerId, kind: 'aborted', message: 'The stream was aborted' });
    }
    yield structuredClone(chunk);
  }
  yield { type: 'finish', response };
}
