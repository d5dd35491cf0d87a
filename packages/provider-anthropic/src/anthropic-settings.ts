import { type ResponseLimits, responseLimitsFromEnv } from '@strands-cli/core/provider-utils';
import {
  ProviderCallError,
  type ProviderConnectionRequestV1,
  type TransportTimeoutsV1,
} from '@strands-cli/core/spec';
import { z } from '@strands-cli/core/zod';
import { credentialFingerprint } from './credential-fingerprint.js';

/** The Anthropic API's own endpoint (the SDK appends `/v1/...`). */
export const anthropicDefaultBaseURL = 'https://api.anthropic.com';

/**
 * The Messages API requires `max_tokens` on every request; a spec that sets none gets this value (the
 * one strands-cli uses), and `strands plan` shows it as the provider's default.
 */
export const defaultMaxTokens = 1024;

/** Timeouts used when the caller gives none. */
export const defaultTimeouts: TransportTimeoutsV1 = {
  connectMs: 10_000,
  headersMs: 120_000,
  bodyMs: 120_000,
};

/** Settings of an Anthropic client. */
export interface AnthropicProviderSettings {
  /** From `ANTHROPIC_API_KEY`. The SDK sends it as `Authorization: Bearer`. */
  readonly apiKey: string;
  /** @default 'https://api.anthropic.com' (from `runtime.host`, else `ANTHROPIC_BASE_URL`) */
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

/** Validates {@link AnthropicProviderSettings}. */
export const anthropicSettingsSchema: z.ZodType<AnthropicProviderSettings> = z.strictObject({
  apiKey: z.string().min(1),
  baseURL: z.url({ protocol: /^https?$/ }).optional(),
  maxConnections: z.number().int().positive().optional(),
  timeouts: timeoutsSchema.optional(),
  limits: limitsSchema.optional(),
});

/**
 * Resolves settings from the spec and the environment: the key from `ANTHROPIC_API_KEY` (always
 * needed: every Anthropic endpoint, proxies included, authenticates), the endpoint from
 * `runtime.host`, else `ANTHROPIC_BASE_URL`, else the Anthropic API.
 */
export function resolveAnthropicSettings(request: ProviderConnectionRequestV1): AnthropicProviderSettings {
  const baseURL =
    nonEmpty(request.host) ?? nonEmpty(request.env.ANTHROPIC_BASE_URL) ?? anthropicDefaultBaseURL;
  const apiKey = nonEmpty(request.env.ANTHROPIC_API_KEY);
  if (!apiKey) {
    throw new ProviderCallError({
      providerId: 'anthropic',
      kind: 'auth',
      message: 'ANTHROPIC_API_KEY is not set, and the Anthropic API needs it',
      hint: 'Set ANTHROPIC_API_KEY to your Anthropic API key (https://console.anthropic.com/settings/keys).',
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
export function anthropicTransportKey(settings: AnthropicProviderSettings): string {
  const { connectMs, headersMs, bodyMs } = settings.timeouts ?? defaultTimeouts;
  const limits = settings.limits;
  return [
    settings.baseURL ?? anthropicDefaultBaseURL,
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
