import { type ResponseLimits, responseLimitsFromEnv } from '@strands-cli/core/provider-utils';
import type { ProviderConnectionRequestV1, TransportTimeoutsV1 } from '@strands-cli/core/spec';
import { z } from '@strands-cli/core/zod';

/** Where Ollama listens when neither the spec nor `OLLAMA_HOST` says otherwise. */
export const ollamaDefaultHost = 'http://localhost:11434';

/** Timeouts used when the caller gives none (headers: generous, a model may have to load first). */
export const defaultTimeouts: TransportTimeoutsV1 = {
  connectMs: 10_000,
  headersMs: 300_000,
  bodyMs: 300_000,
};

/** Settings of an Ollama client. */
export interface OllamaProviderSettings {
  /** The server, e.g. `http://localhost:11434` (from `runtime.host`, else `OLLAMA_HOST`). @default 'http://localhost:11434' */
  readonly host?: string;
  /** Most TCP connections the client opens at once (the run's `max_parallel`). @default 4 */
  readonly maxConnections?: number;
  /** Connect, response-headers and between-chunks timeouts. */
  readonly timeouts?: TransportTimeoutsV1;
  /** Each call's deadline and response size cap. @default defaultResponseLimits */
  readonly limits?: ResponseLimits;
}

/** Validates {@link OllamaProviderSettings}. */
export const ollamaSettingsSchema: z.ZodType<OllamaProviderSettings> = z.strictObject({
  host: z.string().min(1).optional(),
  maxConnections: z.number().int().positive().optional(),
  timeouts: z
    .strictObject({
      connectMs: z.number().int().positive(),
      headersMs: z.number().int().positive(),
      bodyMs: z.number().int().positive(),
    })
    .optional(),
  limits: z
    .strictObject({
      callDeadlineMs: z.number().int().positive(),
      maxResponseBytes: z.number().int().positive(),
    })
    .optional(),
});

/** Resolves settings: `runtime.host`, else `OLLAMA_HOST`, else `http://localhost:11434`. */
export function resolveOllamaSettings(request: ProviderConnectionRequestV1): OllamaProviderSettings {
  return {
    host: nonEmpty(request.host) ?? nonEmpty(request.env.OLLAMA_HOST) ?? ollamaDefaultHost,
    maxConnections: request.maxConnections,
    timeouts: request.timeouts,
    limits: responseLimitsFromEnv(request.env),
  };
}

/** The transport identity: host, connection bound and timeouts (Ollama has no credentials). */
export function ollamaTransportKey(settings: OllamaProviderSettings): string {
  const { connectMs, headersMs, bodyMs } = settings.timeouts ?? defaultTimeouts;
  return [
    settings.host ?? ollamaDefaultHost,
    `connections:${settings.maxConnections ?? 4}`,
    `timeouts:${connectMs}/${headersMs}/${bodyMs}`,
    settings.limits
      ? `limits:${settings.limits.callDeadlineMs}/${settings.limits.maxResponseBytes}`
      : 'limits:default',
  ].join('|');
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
