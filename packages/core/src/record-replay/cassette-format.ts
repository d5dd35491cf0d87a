/**
 * The cassette file format: a versioned JSON document holding every model call of a recorded run, so a
 * replay can answer the same calls without a network. Written for humans as much as for the replayer:
 * entries appear in the order the calls were made, and requests hold only what the model saw.
 */
import type {
  InferenceV1,
  ModelMessageV1,
  ModelResponseV1,
  ModelStreamPartV1,
  ToolDefinitionV1,
  UsageV1,
} from '../spec/v1/model-provider-v1.js';

/** The `format` marker every cassette carries, so a stray JSON file is recognised as not one. */
export const CASSETTE_FORMAT = 'strands-cassette';

/** The cassette format version this code writes and reads. */
export const CASSETTE_VERSION = 1;

/**
 * A model request reduced to what decides the answer: provider, model, system prompt, messages, tools and
 * inference parameters. Never signals, headers, credentials or endpoints. Its SHA-256 is the entry key.
 */
export interface CanonicalRequestV1 {
  /** The provider name as the spec gives it (`runtime.provider` or an agent's `provider`). */
  readonly provider: string;
  readonly modelId: string;
  readonly system?: string;
  readonly messages: readonly ModelMessageV1[];
  /** Omitted when the request offers no tools. */
  readonly tools?: readonly ToolDefinitionV1[];
  /** Omitted when no inference parameter is set. */
  readonly inference?: InferenceV1;
}

/** A streamed part other than the final `finish` (which the replayer rebuilds from the response). */
export type CassetteChunkV1 = Exclude<ModelStreamPartV1, { type: 'finish' }>;

/** One recorded model call. */
export interface CassetteEntryV1 {
  /** SHA-256 (hex) of the canonical request with sorted keys. */
  readonly key: string;
  /** The provider name, repeated from the request for quick reading. */
  readonly provider: string;
  /** How the call was made; a replay answers either kind from either. */
  readonly kind: 'generate' | 'stream';
  readonly request: CanonicalRequestV1;
  /** The finished turn. */
  readonly response: ModelResponseV1;
  /** For streamed calls: the parts before `finish`, in the order they arrived. */
  readonly chunks?: readonly CassetteChunkV1[];
}

/** What a recorded tool call returned: the text the model saw, and whether it was a failure. */
export interface CassetteToolResultV1 {
  readonly content: string;
  readonly isError: boolean;
}

/** One recorded tool call, so a replay answers it without running the tool (no request, no file write). */
export interface CassetteToolEntryV1 {
  /** SHA-256 (hex) of `{ tool, input }` with sorted keys. */
  readonly key: string;
  /** The tool's name as the model called it. */
  readonly tool: string;
  /** The input the tool received. */
  readonly input: unknown;
  readonly result: CassetteToolResultV1;
}

/** Totals over the whole cassette. */
export interface CassetteUsageV1 extends UsageV1 {
  /** Number of model calls recorded. */
  readonly calls: number;
}

/** What a replay needs to know about a provider without loading it. */
export interface CassetteProviderV1 {
  /** The model the provider used when the spec named none, so a replay resolves the same model id. */
  readonly defaultModelId?: string;
}

/** A cassette document. */
export interface CassetteV1 {
  readonly format: typeof CASSETTE_FORMAT;
  readonly version: typeof CASSETTE_VERSION;
  /** Facts about each provider name the recording used, by that name. */
  readonly providers?: Readonly<Record<string, CassetteProviderV1>>;
  readonly usage: CassetteUsageV1;
  readonly entries: readonly CassetteEntryV1[];
  /**
   * Every tool call of the recording, in the order the calls started. Absent in cassettes written
   * before tool calls were recorded: a replay of those runs the tools for real, as it always did.
   */
  readonly tools?: readonly CassetteToolEntryV1[];
}

/** Sums the usage of a list of entries. */
export function totalUsage(entries: readonly CassetteEntryV1[]): CassetteUsageV1 {
  let inputTokens = 0;
  let outputTokens = 0;
  for (const entry of entries) {
    inputTokens += entry.response.usage?.inputTokens ?? 0;
    outputTokens += entry.response.usage?.outputTokens ?? 0;
  }
  return { calls: entries.length, inputTokens, outputTokens };
}
