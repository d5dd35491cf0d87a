import { type ResponseLimits, responseLimitsFromEnv } from '@strands-cli/core/provider-utils';
import {
  ProviderCallError,
  type ProviderConnectionRequestV1,
  type TransportTimeoutsV1,
} from '@strands-cli/core/spec';
import { z } from '@strands-cli/core/zod';
import { credentialFingerprint } from './credential-fingerprint.js';

/** The OpenAI API's own endpoint; any other base URL is an OpenAI-compatible server. */
export const openAIDefaultBaseURL = 'https://api.openai.com/v1';

/** What compatible servers get as API key when none is set: they ignore it, the SDK needs one. */
export const placeholderApiKey = 'not-needed';

/** Timeouts used when the caller gives none. */
export const defaultTimeouts: TransportTimeoutsV1 = {
  connectMs: 10_000,
  headersMs: 120_000,
  bodyMs: 120_000,
};

/** Settings of an OpenAI (or OpenAI-compatible) client. */
export interface OpenAIProviderSettings {
  /** Sent as `Authorization: Bearer`. From `OPENAI_API_KEY`. */
  readonly apiKey: string;
  /** @default 'https://api.openai.com/v1' (from `runtime.host`, else `OPENAI_BASE_URL`) */
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

/** Validates {@link OpenAIProviderSettings}. */
export const openAISettingsSchema: z.ZodType<OpenAIProviderSettings> = z.strictObject({
  apiKey: z.string().min(1),
  baseURL: z.url({ protocol: /^https?$/ }).optional(),
  maxConnections: z.number().int().positive().optional(),
  timeouts: timeoutsSchema.optional(),
  limits: limitsSchema.optional(),
});

/**
 * Resolves settings from the spec and the environment: the key from `OPENAI_API_KEY`, the endpoint
 * from `runtime.host`, else `OPENAI_BASE_URL`, else the OpenAI API. Compatible servers (vLLM, LM
 * Studio, llama.cpp) need no key; the OpenAI API does.
 */
export function resolveOpenAISettings(request: ProviderConnectionRequestV1): OpenAIProviderSettings {
  const baseURL = nonEmpty(request.host) ?? nonEmpty(request.env.OPENAI_BASE_URL) ?? openAIDefaultBaseURL;
  const apiKey = nonEmpty(request.env.OPENAI_API_KEY);
  if (!apiKey && isOpenAIItself(baseURL)) {
    throw new ProviderCallError({
      providerId: 'openai',
      kind: 'auth',
      message: 'OPENAI_API_KEY is not set, and the OpenAI API needs it',
      hint: 'Set OPENAI_API_KEY to your OpenAI API key (or point runtime.host at an OpenAI-compatible server).',
    });
  }
  return {
    apiKey: apiKey ?? placeholderApiKey,
    baseURL,
    maxConnections: request.maxConnections,
    timeouts: request.timeouts,
    limits: responseLimitsFromEnv(request.env),
  };
}

/** The transport identity of settings: endpoint, key fingerprint, connection bound; no secret in clear. */
export function openAITransportKey(settings: OpenAIProviderSettings): string {
  return [
    settings.baseURL ?? openAIDefaultBaseURL,
    `key:${credentialFingerprint(settings.apiKey)}`,
    `connections:${settings.maxConnections ?? 4}`,
    timeoutsKey(settings.timeouts),
    limitsKey(settings.limits),
  ].join('|');
}

function timeoutsKey(timeouts: TransportTimeoutsV1 | undefined): string {
  const { connectMs, headersMs, bodyMs } = timeouts ?? defaultTimeouts;
  return `timeouts:${connectMs}/${headersMs}/${bodyMs}`;
}

function limitsKey(limits: ResponseLimits | undefined): string {
  return limits ? `limits:${limits.callDeadlineMs}/${limits.maxResponseBytes}` : 'limits:default';
}

function isOpenAIItself(baseURL: string): boolean {
  try {
    return new URL(baseURL).hostname === 'api.openai.com';
  } catch {
    return false;
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
