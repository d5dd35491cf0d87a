import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ProviderCallError, StrandsError } from '../spec/v1/errors.js';
import type {
  ModelProviderPluginV1,
  ModelProviderV1,
  ModelRequestV1,
  ModelStreamPartV1,
  ProviderConnectionRequestV1,
  UsageV1,
} from '../spec/v1/model-provider-v1.js';

/** One turn the fake backend of a {@link ModelProviderHarness} answers with. */
export type HarnessTurn =
  | { readonly text: string; readonly usage?: UsageV1 }
  | {
      readonly toolCall: { readonly name: string; readonly input: Record<string, unknown> };
      readonly usage?: UsageV1;
    }
  /** An HTTP error response (with a `Retry-After` header in seconds when given). */
  | { readonly status: number; readonly retryAfterSeconds?: number }
  /** Never answers; the client must abort it. */
  | { readonly hang: true };

/**
 * A fake backend for one provider: typically a loopback HTTP server that speaks the provider's wire
 * format and answers from a script. Only loopback addresses, never a real endpoint.
 */
export interface ModelProviderHarness {
  /** What `resolveSettings` gets (host pointing at the fake backend, credentials in `env`). */
  readonly connection: ProviderConnectionRequestV1;
  /** Model id for requests. */
  readonly modelId: string;
  /** Sets the turns the backend answers next, in order. */
  script(turns: readonly HarnessTurn[]): void;
  /** HTTP requests (model calls) the backend has received. */
  readonly requestCount: number;
  /** Stops the backend. */
  close(): Promise<void>;
}

/** Options of {@link testModelProvider}. */
export interface TestModelProviderOptions {
  // biome-ignore lint/suspicious/noExplicitAny: any plugin, whatever its settings type
  readonly plugin: ModelProviderPluginV1<any>;
  /** Starts a fake backend per test. Without it only the descriptor is checked. */
  readonly harness?: () => Promise<ModelProviderHarness>;
}

/**
 * The conformance suite of the v1 model-provider contract (vitest `describe`/`it` inside). Every
 * first-party provider runs it; a third-party provider can too:
 * @example
 * testModelProvider({ plugin: myProvider, harness: () => startMyFakeServer() });
 */
export function testModelProvider(options: TestModelProviderOptions): void {
  const { plugin } = options;
  describe(`model provider '${plugin.id}' (conformance v1)`, () => {
    it('has a complete v1 descriptor', () => {
      expect(plugin.kind).toBe('model-provider');
      expect(plugin.specificationVersion).toBe('v1');
      expect(plugin.id).toMatch(/^[A-Za-z0-9@/._-]+$/);
      expect(plugin.version).toMatch(/^\d+\.\d+\.\d+/);
      expect(plugin.defaultModelId.length).toBeGreaterThan(0);
      expect(Array.isArray(plugin.credentialVariables)).toBe(true);
      for (const name of plugin.supportedInference)
        expect(['temperature', 'top_p', 'max_tokens']).toContain(name);
      expect(typeof plugin.configSchema.safeParse).toBe('function');
      for (const method of ['resolveSettings', 'transportKey', 'create'] as const) {
        expect(typeof plugin[method]).toBe('function');
      }
    });
    if (options.harness) describeWithHarness(plugin, options.harness);
  });
}

function describeWithHarness(
  // biome-ignore lint/suspicious/noExplicitAny: see TestModelProviderOptions
  plugin: ModelProviderPluginV1<any>,
  startHarness: () => Promise<ModelProviderHarness>,
): void {
  let harness: ModelProviderHarness;
  let client: ModelProviderV1;
  const request = (extra: Partial<ModelRequestV1> = {}): ModelRequestV1 => ({
    modelId: harness.modelId,
    system: 'You are terse.',
    messages: [{ role: 'user', content: 'Say hello.' }],
    ...extra,
  });
  beforeEach(async () => {
    harness = await startHarness();
    client = await plugin.create(plugin.resolveSettings(harness.connection));
  });
  afterEach(async () => {
    await client.close();
    await harness.close();
  });

  it('resolves settings that pass its own schema, with a stable transport key', () => {
    const settings = plugin.resolveSettings(harness.connection);
    expect(plugin.configSchema.safeParse(settings).success).toBe(true);
    expect(plugin.transportKey(settings)).toBe(
      plugin.transportKey(plugin.resolveSettings(harness.connection)),
    );
    expect(plugin.transportKey(settings)).not.toContain(harness.modelId);
  });

  it('generates a final answer with usage', async () => {
    harness.script([{ text: 'hello there', usage: { inputTokens: 7, outputTokens: 2 } }]);
    const response = await client.generate(request());
    expect(client.specificationVersion).toBe('v1');
    expect(response.text).toBe('hello there');
    expect(response.toolCalls).toEqual([]);
    expect(response.finishReason).toBe('stop');
    expect(response.usage).toEqual({ inputTokens: 7, outputTokens: 2 });
  });

  it('returns tool calls with ids and accepts tool results back', async () => {
    harness.script([{ toolCall: { name: 'calculator', input: { expression: '2+2' } } }, { text: '4' }]);
    const tools = [
      {
        name: 'calculator',
        description: 'Evaluate arithmetic',
        inputSchema: { type: 'object', properties: { expression: { type: 'string' } } },
      },
    ];
    const first = await client.generate(request({ tools }));
    expect(first.finishReason).toBe('tool-calls');
    const [call] = first.toolCalls;
    expect(call?.name).toBe('calculator');
    expect(call?.input).toEqual({ expression: '2+2' });
    expect(call?.id.length).toBeGreaterThan(0);
    const second = await client.generate(
      request({
        tools,
        messages: [
          { role: 'user', content: 'What is 2+2?' },
          { role: 'assistant', content: first.text, toolCalls: first.toolCalls },
          {
            role: 'tool',
            results: [{ toolCallId: call?.id ?? '', toolName: 'calculator', content: '4', isError: false }],
          },
        ],
      }),
    );
    expect(second.text).toBe('4');
  });

  it('streams text deltas, then exactly one finish', async () => {
    harness.script([{ text: 'one two three' }]);
    const parts: ModelStreamPartV1[] = [];
    for await (const part of client.stream(request())) parts.push(part);
    const finishes = parts.filter((part) => part.type === 'finish');
    expect(finishes).toHaveLength(1);
    expect(parts.at(-1)?.type).toBe('finish');
    const text = parts.map((part) => (part.type === 'text-delta' ? part.text : '')).join('');
    expect(text).toBe('one two three');
    expect(finishes[0]?.type === 'finish' && finishes[0].response.text).toBe('one two three');
  });

  it('maps 429 to a retryable rate-limit error with Retry-After, without retrying itself', async () => {
    harness.script([{ status: 429, retryAfterSeconds: 2 }, { text: 'too late' }]);
    const error = await client.generate(request()).catch((caught: unknown) => caught);
    expect(StrandsError.isInstance(error)).toBe(true);
    const failure = error as ProviderCallError;
    expect(failure.name).toBe('ProviderCallError');
    expect(failure.kind).toBe('rate-limit');
    expect(failure.isRetryable).toBe(true);
    expect(failure.retryAfterMs).toBe(2000);
    expect(harness.requestCount).toBe(1);
  });

  it('maps 5xx to a retryable server error', async () => {
    harness.script([{ status: 503 }, { text: 'too late' }]);
    const error = (await client.generate(request()).catch((caught: unknown) => caught)) as ProviderCallError;
    expect(error.kind).toBe('server');
    expect(error.isRetryable).toBe(true);
    expect(harness.requestCount).toBe(1);
  });

  it('maps 401 to a non-retryable auth error with a hint', async () => {
    harness.script([{ status: 401 }]);
    const error = (await client.generate(request()).catch((caught: unknown) => caught)) as ProviderCallError;
    expect(error.kind).toBe('auth');
    expect(error.isRetryable).toBe(false);
    expect(error.hint ?? '').not.toBe('');
  });

  it('aborts an in-flight request when its signal aborts', async () => {
    harness.script([{ hang: true }]);
    const controller = new AbortController();
    const pending = client.generate(request({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toBeDefined();
  });

  it('aborts an in-flight stream when its signal aborts', async () => {
    harness.script([{ hang: true }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const consume = async (): Promise<void> => {
      for await (const _part of client.stream(request({ signal: controller.signal }))) {
        // draining
      }
    };
    await expect(consume()).rejects.toBeDefined();
  });

  it('serves concurrent requests on one client', async () => {
    harness.script([{ text: 'a' }, { text: 'a' }, { text: 'a' }]);
    const responses = await Promise.all([1, 2, 3].map(() => client.generate(request())));
    expect(responses.map((response) => response.text)).toEqual(['a', 'a', 'a']);
  });

  it('closes idempotently', async () => {
    await client.close();
    await expect(client.close()).resolves.toBeUndefined();
  });
}
