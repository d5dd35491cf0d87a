import { toolFailureContent } from '../runtime/tool-failure.js';
import { secretValuesFromEnv } from '../secrets/secret-policy.js';
import { createSecretRedactor } from '../secrets/secret-redactor.js';
import type {
  ModelProviderV1,
  ModelRequestV1,
  ModelResponseV1,
  ModelStreamPartV1,
} from '../spec/v1/model-provider-v1.js';
import type { ToolV1 } from '../spec/v1/tool-v1.js';
import { canonicalRequest, canonicalToolCall, requestKey, toolCallKey } from './canonical-request.js';
import { writeCassette } from './cassette-file.js';
import {
  CASSETTE_FORMAT,
  CASSETTE_VERSION,
  type CassetteChunkV1,
  type CassetteEntryV1,
  type CassetteProviderV1,
  type CassetteToolEntryV1,
  type CassetteV1,
  totalUsage,
} from './cassette-format.js';

/** Options for {@link createRecorder}. */
export interface RecorderOptions {
  /**
   * Values that must never be written (the run's secrets: `collectSecretValues`); every spelling of
   * each is replaced by the secret marker wherever it appears.
   */
  readonly secrets?: readonly string[];
  /** An environment whose credential-like variables (`*_KEY`, `*TOKEN*`, `*SECRET*`, ...) are redacted too. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** What the recorder needs to know about a client it wraps. */
export interface RecordedProviderInfo {
  /** The provider name as the spec gives it; the replayer is asked for the same name. */
  readonly providerId: string;
}

/** Records the model calls of a run; see {@link createRecorder}. */
export interface Recorder {
  /** A client that forwards to `client` and records every successful call. Streams pass through live. */
  wrap(client: ModelProviderV1, info: RecordedProviderInfo): ModelProviderV1;
  /**
   * A tool that runs `tool` and records each call's result, so a replay needs neither the tool's
   * service nor its side effect. A call that throws is recorded as the error result the model sees.
   */
  wrapTool(tool: ToolV1): ToolV1;
  /** Notes facts a replay needs about a provider name (its default model), written into the cassette. */
  describeProvider(providerName: string, facts: CassetteProviderV1): void;
  /** The cassette so far: every finished call in the order the calls started, secrets redacted. */
  cassette(): CassetteV1;
  /** Writes {@link Recorder.cassette} to `path` atomically. Call it after a successful run. */
  save(path: string): Promise<void>;
}

/**
 * Creates a recorder. Wrap each provider client with it, run, then `save()`. Entries keep the order in
 * which calls started (a slot is taken when a call begins and filled when it finishes), so a sequential
 * run records in step order; failed or abandoned calls leave nothing.
 */
export function createRecorder(options: RecorderOptions = {}): Recorder {
  const slots: (CassetteEntryV1 | undefined)[] = [];
  const toolSlots: (CassetteToolEntryV1 | undefined)[] = [];
  const providers: Record<string, CassetteProviderV1> = {};
  const redactor = createSecretRedactor([
    ...(options.secrets ?? []),
    ...(options.env ? secretValuesFromEnv(options.env) : []),
  ]);

  const cassette = (): CassetteV1 => {
    const entries = redactor.value(slots.filter((entry): entry is CassetteEntryV1 => entry !== undefined));
    const tools = redactor.value(
      toolSlots.filter((entry): entry is CassetteToolEntryV1 => entry !== undefined),
    );
    const described = Object.keys(providers).length > 0 ? { providers: { ...providers } } : {};
    return {
      format: CASSETTE_FORMAT,
      version: CASSETTE_VERSION,
      ...described,
      usage: totalUsage(entries),
      entries,
      // Always written, even empty: it tells a replay that every tool call must come from here.
      tools,
    };
  };

  const wrapTool = (tool: ToolV1): ToolV1 => ({
    name: tool.name,
    description: tool.description,
    inputSchema: tool.inputSchema,
    async call(input, callOptions) {
      const slot = toolSlots.push(undefined) - 1;
      const fill = (content: string, isError: boolean): void => {
        const plainInput = JSON.parse(JSON.stringify(input ?? null)) as unknown;
        toolSlots[slot] = {
          key: toolCallKey(tool.name, plainInput),
          tool: tool.name,
          input: plainInput,
          result: { content, isError },
        };
      };
      try {
        const result = await tool.call(input, callOptions);
        fill(result.content, result.isError === true);
        return result;
      } catch (error) {
        // An aborted call is the run stopping, not an answer; a recording of a failed run is not saved.
        if (!callOptions.signal.aborted) fill(toolFailureContent(tool.name, error), true);
        throw error;
      }
    },
  });

  const wrap = (client: ModelProviderV1, info: RecordedProviderInfo): ModelProviderV1 => ({
    specificationVersion: 'v1',
    id: client.id,
    async generate(request: ModelRequestV1): Promise<ModelResponseV1> {
      const canonical = canonicalRequest(info.providerId, request);
      const slot = slots.push(undefined) - 1;
      const response = await client.generate(request);
      slots[slot] = {
        key: requestKey(canonical),
        provider: info.providerId,
        kind: 'generate',
        request: canonical,
        response: copyResponse(response),
      };
      return response;
    },
    stream(request: ModelRequestV1): AsyncIterable<ModelStreamPartV1> {
      const canonical = canonicalRequest(info.providerId, request);
      const slot = slots.push(undefined) - 1;
      return recordStream(client.stream(request), (response, chunks) => {
        slots[slot] = {
          key: requestKey(canonical),
          provider: info.providerId,
          kind: 'stream',
          request: canonical,
          response: copyResponse(response),
          chunks,
        };
      });
    },
    close: () => client.close(),
  });

  const describeProvider = (providerName: string, facts: CassetteProviderV1): void => {
    providers[providerName] = { ...providers[providerName], ...facts };
  };

  return {
    wrap,
    wrapTool,
    describeProvider,
    cassette,
    save: (path) => writeCassette(path, cassette()),
  };
}

/** Passes a stream through part by part, then reports the parts and the final response. */
async function* recordStream(
  source: AsyncIterable<ModelStreamPartV1>,
  onFinish: (response: ModelResponseV1, chunks: CassetteChunkV1[]) => void,
): AsyncGenerator<ModelStreamPartV1> {
  const chunks: CassetteChunkV1[] = [];
  let response: ModelResponseV1 | undefined;
  for await (const part of source) {
    if (part.type === 'finish') response = part.response;
    else chunks.push(JSON.parse(JSON.stringify(part)) as CassetteChunkV1);
    yield part;
  }
  if (response) onFinish(response, chunks);
}

/** A plain copy of a response holding only contract fields. */
function copyResponse(response: ModelResponseV1): ModelResponseV1 {
  return {
    text: response.text,
    toolCalls: response.toolCalls.map(canonicalToolCall),
    finishReason: response.finishReason,
    ...(response.usage
      ? { usage: { inputTokens: response.usage.inputTokens, outputTokens: response.usage.outputTokens } }
      : {}),
  };
}
