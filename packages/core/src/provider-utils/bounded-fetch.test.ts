import { describe, expect, it, vi } from 'vitest';
import { ProviderCallError, UsageError } from '../spec/v1/errors.js';
import { boundedFetch, carriedProviderError, type FetchLike } from './bounded-fetch.js';
import { defaultResponseLimits, responseLimitsFromEnv } from './response-limits.js';

/** A fetch whose body is produced by `pull`, recording how many bytes were handed out. */
function fakeFetch(pull: (controller: ReadableStreamDefaultController<Uint8Array>) => Promise<void> | void) {
  const seen = { bytes: 0, cancelled: false, signal: undefined as AbortSignal | undefined };
  const fetch = (async (_input: unknown, init?: RequestInit) => {
    seen.signal = init?.signal ?? undefined;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const before = controller.desiredSize;
        await pull({
          enqueue: (chunk: Uint8Array) => {
            seen.bytes += chunk.byteLength;
            controller.enqueue(chunk);
          },
          close: () => controller.close(),
          error: (e: unknown) => controller.error(e),
          desiredSize: before,
        } as ReadableStreamDefaultController<Uint8Array>);
      },
      cancel() {
        seen.cancelled = true;
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  }) as unknown as FetchLike;
  return { fetch, seen };
}

const limits = (overrides: Partial<typeof defaultResponseLimits>) => ({
  ...defaultResponseLimits,
  ...overrides,
});

describe('boundedFetch', () => {
  it('passes a small body through unchanged', async () => {
    let sent = false;
    const { fetch } = fakeFetch((c) => {
      if (sent) return c.close();
      sent = true;
      c.enqueue(new TextEncoder().encode('{"ok":true}'));
    });
    const bounded = boundedFetch(fetch, { providerId: 'openai', limits: limits({}) });
    const response = await bounded('http://127.0.0.1/' as never);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("answers with the wrapped fetch's own Response class (undici's), never reaching for the global one", async () => {
    class VendorResponse extends Response {}
    const fetch = (async () => new VendorResponse('{"ok":true}', { status: 201 })) as unknown as FetchLike;
    const bounded = boundedFetch(fetch, { providerId: 'openai', limits: limits({}) });
    const response = await bounded('http://127.0.0.1/' as never);
    expect(response).toBeInstanceOf(VendorResponse);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('fails a body over the cap with a non-retryable error, reading at most cap + one chunk', async () => {
    const { fetch, seen } = fakeFetch((c) => c.enqueue(new Uint8Array(1000)));
    const bounded = boundedFetch(fetch, {
      providerId: 'openai',
      limits: limits({ maxResponseBytes: 10_000 }),
    });
    const response = await bounded('http://127.0.0.1/' as never);
    const error = await response.text().catch((e: unknown) => e);
    expect(ProviderCallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'bad-response', isRetryable: false });
    expect((error as Error).message).toContain('10000 bytes');
    expect(seen.bytes).toBeLessThanOrEqual(10_000 + 2 * 1000);
    // Node 24 cancels the source after the body's consumer has seen the error, not before.
    await vi.waitFor(() => expect(seen.cancelled).toBe(true));
  });

  it('fails a body that never ends with a retryable timeout naming the deadline', async () => {
    const { fetch } = fakeFetch(async (c) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      c.enqueue(new Uint8Array([32]));
    });
    const bounded = boundedFetch(fetch, { providerId: 'ollama', limits: limits({ callDeadlineMs: 50 }) });
    const response = await bounded('http://127.0.0.1/' as never);
    const error = await response.text().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'timeout', isRetryable: true });
    expect((error as ProviderCallError).message).toContain('deadline of 0.05 s');
    expect((error as ProviderCallError).hint).toContain('STRANDS_CALL_DEADLINE_S');
  });

  it("keeps the caller's signal: aborting it cancels the call", async () => {
    const { fetch, seen } = fakeFetch(() => undefined);
    const caller = new AbortController();
    const bounded = boundedFetch(fetch, { providerId: 'openai', limits: limits({}) });
    await bounded('http://127.0.0.1/' as never, { signal: caller.signal } as never);
    caller.abort(new Error('stop'));
    expect(seen.signal?.aborted).toBe(true);
  });
});

describe('carriedProviderError', () => {
  it('finds the error in an SDK wrapper', () => {
    const inner = new ProviderCallError({ providerId: 'openai', kind: 'timeout', message: 'late' });
    expect(carriedProviderError(new Error('Connection error.', { cause: inner }))).toBe(inner);
    expect(carriedProviderError(new Error('other'))).toBeUndefined();
  });
});

describe('responseLimitsFromEnv', () => {
  it('reads seconds and bytes, with defaults', () => {
    expect(responseLimitsFromEnv({})).toEqual(defaultResponseLimits);
    expect(
      responseLimitsFromEnv({ STRANDS_CALL_DEADLINE_S: '1.5', STRANDS_MAX_RESPONSE_BYTES: '2048' }),
    ).toEqual({ callDeadlineMs: 1500, maxResponseBytes: 2048 });
  });

  it('clamps a deadline longer than a timer holds instead of firing at once', () => {
    expect(responseLimitsFromEnv({ STRANDS_CALL_DEADLINE_S: '1e12' }).callDeadlineMs).toBe(2 ** 31 - 1);
  });

  it('refuses values that are not positive numbers', () => {
    for (const value of ['0', '-1', 'abc', 'Infinity']) {
      expect(() => responseLimitsFromEnv({ STRANDS_MAX_RESPONSE_BYTES: value })).toThrow(UsageError);
      expect(() => responseLimitsFromEnv({ STRANDS_CALL_DEADLINE_S: value })).toThrow(UsageError);
    }
  });
});
