import { boundedFetch, defaultResponseLimits } from '@strands-cli/core/provider-utils';
import type { Ollama } from 'ollama/browser';
import { defaultTimeouts, type OllamaProviderSettings, ollamaDefaultHost } from './ollama-settings.js';
import { strictNdjson } from './strict-ndjson.js';

/** The connection pool of one Ollama client, and a way to make per-call SDK clients over it. */
export interface OllamaTransport {
  readonly host: string;
  /**
   * An ollama-js client for one call. Its `fetch` goes through the pool, carries the call's signal
   * (ollama-js passes none for requests that are not streamed) and shows each response to `observe`
   * (ollama-js keeps no headers, and `Retry-After` lives there).
   */
  clientFor(signal: AbortSignal | undefined, observe: (response: Response) => void): Ollama;
  /** Closes the pool gracefully. */
  close(): Promise<void>;
}

/** The connection bound when the settings give none. */
export const defaultMaxConnections = 4;

/**
 * Loads ollama-js and undici (only now, never at import) and opens one keep-alive undici Agent
 * bounded to `maxConnections`, with explicit connect/headers/body timeouts.
 */
export async function openOllamaTransport(settings: OllamaProviderSettings): Promise<OllamaTransport> {
  const { Ollama: OllamaClient, Agent, fetch: undiciFetch } = await import('./ollama-vendor.js');
  const timeouts = settings.timeouts ?? defaultTimeouts;
  const agent = new Agent({
    connections: settings.maxConnections ?? defaultMaxConnections,
    connect: { timeout: timeouts.connectMs },
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
  });
  const host = settings.host ?? ollamaDefaultHost;
  // Bounded: each call ends by its deadline and reads at most the size cap.
  const fetchBounded = boundedFetch(undiciFetch as unknown as typeof fetch, {
    providerId: 'ollama',
    limits: settings.limits ?? defaultResponseLimits,
  });
  return {
    host,
    // An ollama-js client is a plain object (host, headers, fetch): making one per call costs nothing,
    // and it is the only way to give each call its own signal.
    clientFor: (signal, observe) =>
      new OllamaClient({
        host,
        fetch: async (input, init) => {
          const signals = [init?.signal, signal].filter((value): value is AbortSignal => !!value);
          const merged = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
          // `dispatcher` is an undici extension of fetch; undici 7 and Node 20's typings of it differ.
          const pooled = { ...init, signal: merged, dispatcher: agent } as unknown as RequestInit;
          // undici 7's own fetch, over its own Agent: Node 20's built-in fetch is an older undici,
          // slower per request (~0.05 ms, most of it in its AbortSignal and body-stream handling).
          const response = await fetchBounded(input, pooled);
          observe(response);
          return strictNdjson(await jsonErrorBody(response));
        },
      }),
    close: () => agent.close(),
  };
}

/**
 * ollama-js prints to stdout when an error body is not JSON; give it the same text as Ollama's own
 * `{"error": "..."}` shape instead, so stdout keeps carrying only the result.
 */
async function jsonErrorBody(response: Response): Promise<Response> {
  if (response.ok || response.headers.get('content-type')?.includes('application/json')) return response;
  const text = await response.text().catch(() => '');
  return new Response(JSON.stringify({ error: text.trim() || `HTTP ${response.status}` }), {
    status: response.status,
    statusText: response.statusText,
    headers: { 'content-type': 'application/json' },
  });
}
