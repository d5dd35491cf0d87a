import { type ResponseLimits, responseLimitsFromEnv } from '@strands-cli/core/provider-utils';
import {
  ProviderCallError,
  type ProviderConnectionRequestV1,
  type TransportTimeoutsV1,
} from '@strands-cli/core/spec';
import { z } from '@strands-cli/core/zod';
import { credentialFingerprint } from './credential-fingerprint.js';

/** The Gemini API's own endpoint (the SDK appends `/v1beta/models/...`). */
export const geminiDefaultBaseURL = 'https://generativelanguage.googleapis.com';

/** Timeouts used when the caller gives none. */
export const defaultTimeouts: TransportTimeoutsV1 = {
  connectMs: 10_000,
  headersMs: 120_000,
  bodyMs: 120_000,
};

/** Settings of a Gemini client. */
export interface GeminiProviderSettings {
  /** From `GOOGLE_API_KEY`, else `GEMINI_API_KEY`. The SDK sends it in the `x-goog-api-key` header. */
  readonly apiKey: string;
  /** @default 'https://generativelanguage.googleapis.com' (from `runtime.host`, else `GOOGLE_GEMINI_BASE_URL`) */
  readonly baseURL?: string;
  /** Most TCP connections the client opens at once (the run's `max_parallel`). @default 4 */
  readonly maxConnections?: number;
  /** Connect, response-headers and between-chunks timeouts. */
  readonly timeouts?: TransportTimeoutsV1;
  /** Each call's deadline and response size cap. @default defaultResponseLimits */
  readonly limits?: ResponseLimits;
}

const timeoutsSchema = z.strictObject({
  connectMs: z.number().int().positive(),
  headersMs: z.number().int().positive(),
  bodyMs: z.number().int().positive(),
});

const limitsSchema = z.strictObject({
  callDeadlineMs: z.number().int().positive(),
  maxResponseBytes: z.number().int().positive(),
});

/** Validates {@link GeminiProviderSettings}. */
export const geminiSettingsSchema: z.ZodType<GeminiProviderSettings> = z.strictObject({
  apiKey: z.string().min(1),
  baseURL: z.url({ protocol: /^https?$/ }).optional(),
  maxConnections: z.number().int().positive().optional(),
  timeouts: timeoutsSchema.optional(),
  limits: limitsSchema.optional(),
});

/**
 * Resolves settings from the spec and the environment: the endpoint from `runtime.host`, else
 * `GOOGLE_GEMINI_BASE_URL`, else the Gemini API; the key from `GOOGLE_API_KEY`, else
 * `GEMINI_API_KEY`. That order is the one Google's SDKs use, so a shell set up for them gets the same
 * key here. A key is always needed: the Gemini API authenticates every call.
 */
export function resolveGeminiSettings(request: ProviderConnectionRequestV1): GeminiProviderSettings {
  const baseURL =
    nonEmpty(request.host) ?? nonEmpty(request.env.GOOGLE_GEMINI_BASE_URL) ?? geminiDefaultBaseURL;
  const apiKey = nonEmpty(request.env.GOOGLE_API_KEY) ?? nonEmpty(request.env.GEMINI_API_KEY);
  if (!apiKey) {
    throw new ProviderCallError({
      providerId: 'gemini',
      kind: 'auth',
      message: 'GEMINI_API_KEY is not set, and the Gemini API needs it',
      hint: 'Set GEMINI_API_KEY (or GOOGLE_API_KEY) to your Gemini API key (https://aistudio.google.com/apikey).',
    });
  }
  return {
    apiKey,
    baseURL,
    maxConnections: request.maxConnections,
    timeouts: request.timeouts,
    limits: responseLimitsFromEnv(request.env),
  };
}

/** The transport identity of settings: endpoint, key fingerprint, connection bound; no secret in clear. */
export function geminiTransportKey(settings: GeminiProviderSettings): string {
  const { connectMs, headersMs, bodyMs } = settings.timeouts ?? defaultTimeouts;
  const limits = settings.limits;
  return [
    settings.baseURL ?? geminiDefaultBaseURL,
    `key:${credentialFingerprint(settings.apiKey)}`,
    `connections:${settings.maxConnections ?? 4}`,
    `timeouts:${connectMs}/${headersMs}/${bodyMs}`,
    limits ? `limits:${limits.callDeadlineMs}/${limits.maxResponseBytes}` : 'limits:default',
  ].join('|');
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
