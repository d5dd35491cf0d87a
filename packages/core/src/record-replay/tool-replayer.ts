import type { ToolV1 } from '../spec/v1/tool-v1.js';
import { toolCallKey } from './canonical-request.js';
import type { CassetteToolEntryV1, CassetteV1 } from './cassette-format.js';
import { CassetteToolMissError } from './cassette-tool-miss-error.js';
import { indexEntries, pickQueue } from './entry-queues.js';

/** Answers tool calls from a cassette's `tools`; see {@link createToolReplayer}. */
export interface ToolReplayer {
  /**
   * A stand-in for `tool` with the same name, description and schema whose calls answer from the
   * cassette: the tool itself never runs, so nothing is requested or written.
   */
  wrap(tool: ToolV1): ToolV1;
  /** The tool entries no call has been answered from yet. */
  unusedEntries(): readonly CassetteToolEntryV1[];
}

/**
 * Creates a tool replayer. A call is answered by the entry whose key is the SHA-256 of the canonical
 * `{ tool, input }`; a call recorded several times is answered by its entries in recorded order, so
 * concurrent calls replay in any order. A call that is not in the cassette throws a
 * {@link CassetteToolMissError} (exit 10).
 */
export function createToolReplayer(cassette: CassetteV1, source: string): ToolReplayer {
  const entries = cassette.tools ?? [];
  const queues = indexEntries(entries, (entry) => [entry.key, toolCallKey(entry.tool, entry.input)]);
  const used = new Set<number>();

  const answer = (tool: string, input: unknown): CassetteToolEntryV1 => {
    // The same plain JSON the recorder hashed, so an input with undefined members finds its entry.
    const plainInput = JSON.parse(JSON.stringify(input ?? null)) as unknown;
    const queue = pickQueue(queues, [toolCallKey(tool, plainInput)], used);
    const next = queue.find((index) => !used.has(index));
    if (next === undefined) {
      throw new CassetteToolMissError({
        cassette: source,
        tool,
        input: plainInput,
        recordedTimes: queue.length,
      });
    }
    used.add(next);
    return entries[next]!;
  };

  return {
    wrap: (tool) => ({
      name: tool.name,
      description: tool.description,
      inputSchema: tool.inputSchema,
      call: async (input, { signal }) => {
        signal.throwIfAborted();
        const { result } = answer(tool.name, input);
        return { content: result.content, isError: result.isError };
      },
    }),
    unusedEntries: () => entries.filter((_, index) => !used.has(index)),
  };
}
