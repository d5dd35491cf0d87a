import { type ResponseLimits, responseLimitsFromEnv } from '@strands-cli/core/provider-utils';
import type { ProviderConnectionRequestV1, TransportTimeoutsV1 } from '@strands-cli/core/spec';
import { z } from '@strands-cli/core/zod';
import { credentialFingerprint } from './credential-fingerprint.js';

/** Timeouts used when the caller gives none. */
export const defaultTimeouts: TransportTimeoutsV1 = {
  connectMs: 10_000,
  headersMs: 120_000,
  bodyMs: 120_000,
};

/** Static AWS credentials (an access key pair, with a session token for temporary ones). */
export interface BedrockStaticCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** Settings of a Bedrock Runtime client. */
export interface BedrockProviderSettings {
  /** The AWS region (`runtime.region`, else `AWS_REGION` / `AWS_DEFAULT_REGION`); absent: the SDK's profile chain. */
  readonly region?: string;
  /** Endpoint override (`runtime.host`, else `AWS_ENDPOINT_URL_BEDROCK_RUNTIME`, else `AWS_ENDPOINT_URL`). */
  readonly endpoint?: string;
  /** A Bedrock API key (`AWS_BEARER_TOKEN_BEDROCK`), sent as `Authorization: Bearer`. Wins over credentials. */
  readonly bearerToken?: string;
  /** Static credentials (`AWS_ACCESS_KEY_ID` + `AWS_SECRET_ACCESS_KEY` [+ `AWS_SESSION_TOKEN`]). */
  readonly credentials?: BedrockStaticCredentials;
  /** A named profile (`AWS_PROFILE`) for the SDK's default chain (SSO, role assumption, ...). */
  readonly profile?: string;
  /** Most TCP connections the client opens at once (the run's `max_parallel`). @default 4 */
  readonly maxConnections?: number;
  /** Connect, response-headers and between-chunks timeouts. */
  readonly timeouts?: TransportTimeoutsV1;
  /** Each call's deadline and response size cap. @default defaultResponseLimits */
  readonly limits?: ResponseLimits;
}

/** Validates {@link BedrockProviderSettings}. */
export const bedrockSettingsSchema: z.ZodType<BedrockProviderSettings> = z.strictObject({
  region: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'an AWS region such as us-east-1')
    .optional(),
  endpoint: z.url({ protocol: /^https?$/ }).optional(),
  bearerToken: z.string().min(1).optional(),
  credentials: z
    .strictObject({
      accessKeyId: z.string().min(1),
      secretAccessKey: z.string().min(1),
      sessionToken: z.string().min(1).optional(),
    })
    .optional(),
  profile: z.string().min(1).optional(),
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

/**
 * Resolves settings from the spec and the given environment, the way the AWS SDK's default chain
 * starts: a Bedrock API key, else static keys from the environment, else a named profile, else the
 * rest of the chain (SSO, container and instance roles), which the SDK walks itself.
 */
export function resolveBedrockSettings(request: ProviderConnectionRequestV1): BedrockProviderSettings {
  const { env } = request;
  const region = nonEmpty(request.region) ?? nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION);
  const endpoint =
    nonEmpty(request.host) ??
    nonEmpty(env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME) ??
    nonEmpty(env.AWS_ENDPOINT_URL);
  const bearerToken = nonEmpty(env.AWS_BEARER_TOKEN_BEDROCK);
  const accessKeyId = nonEmpty(env.AWS_ACCESS_KEY_ID);
  const secretAccessKey = nonEmpty(env.AWS_SECRET_ACCESS_KEY);
  const sessionToken = nonEmpty(env.AWS_SESSION_TOKEN);
  const credentials =
    !bearerToken && accessKeyId && secretAccessKey
      ? { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) }
      : undefined;
  const profile = nonEmpty(env.AWS_PROFILE);
  return {
    ...(region ? { region } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...(bearerToken ? { bearerToken } : {}),
    ...(credentials ? { credentials } : {}),
    ...(!bearerToken && !credentials && profile ? { profile } : {}),
    maxConnections: request.maxConnections,
    timeouts: request.timeouts,
    limits: responseLimitsFromEnv(env),
  };
}

/** Where the credentials come from, for messages (never the secret itself). */
export function credentialSource(settings: BedrockProviderSettings): string {
  if (settings.bearerToken) return 'AWS_BEARER_TOKEN_BEDROCK';
  if (settings.credentials) return 'AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY';
  if (settings.profile) return `profile '${settings.profile}'`;
  return 'the AWS default credential chain';
}

/** The transport identity: endpoint, region, a credential fingerprint, connection bound, timeouts, limits. */
export function bedrockTransportKey(settings: BedrockProviderSettings): string {
  const { connectMs, headersMs, bodyMs } = settings.timeouts ?? defaultTimeouts;
  const secret = settings.bearerToken
    ? `bearer:${settings.bearerToken}`
    : settings.credentials
      ? `keys:${settings.credentials.accessKeyId}:${settings.credentials.secretAccessKey}:${settings.credentials.sessionToken ?? ''}`
      : undefined;
  return [
    settings.endpoint ?? 'aws',
    settings.region ?? 'default-region',
    secret ? `credentials:${credentialFingerprint(secret)}` : `chain:${settings.profile ?? 'default'}`,
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
