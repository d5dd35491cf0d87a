import type { ZodType } from 'zod';
import type { JsonSchemaV1 } from './tool-v1.js';

/** A tool call the model asked for. */
export interface ToolCallV1 {
  /** Provider-assigned id, echoed back with the result (providers invent one when the wire has none). */
  readonly id: string;
  readonly name: string;
  readonly input: Record<string, unknown>;
}

/** The result of one tool call, fed back to the model. */
export interface ToolResultPartV1 {
  readonly toolCallId: string;
  readonly toolName: string;
  readonly content: string;
  readonly isError: boolean;
}

/** One message of a conversation. The system prompt travels separately in {@link ModelRequestV1.system}. */
export type ModelMessageV1 =
  | { readonly role: 'user'; readonly content: string }
  | { readonly role: 'assistant'; readonly content: string; readonly toolCalls?: readonly ToolCallV1[] }
  | { readonly role: 'tool'; readonly results: readonly ToolResultPartV1[] };

/** A tool as the model sees it. */
export interface ToolDefinitionV1 {
  readonly name: string;
  readonly description: string;
  readonly inputSchema: JsonSchemaV1;
}

/** Inference parameters, in the spec's vocabulary; each provider maps them to its wire names. */
export interface InferenceV1 {
  readonly temperature?: number;
  readonly topP?: number;
  readonly maxTokens?: number;
}

/** One model turn to generate. */
export interface ModelRequestV1 {
  readonly modelId: string;
  readonly system?: string;
  readonly messages: readonly ModelMessageV1[];
  readonly tools?: readonly ToolDefinitionV1[];
  readonly inference?: InferenceV1;
  /** Aborts the HTTP request itself. */
  readonly signal?: AbortSignal;
}

/** Token usage as the provider reported it. */
export interface UsageV1 {
  readonly inputTokens: number;
  readonly outputTokens: number;
}

/** Why the model stopped. */
export type FinishReasonV1 = 'stop' | 'tool-calls' | 'length' | 'content-filter' | 'other';

/** A finished model turn. */
export interface ModelResponseV1 {
  readonly text: string;
  readonly toolCalls: readonly ToolCallV1[];
  readonly finishReason: FinishReasonV1;
  /** Absent when the provider reported none; the core then estimates. */
  readonly usage?: UsageV1;
}

/** What a streamed turn yields: text as it arrives, then exactly one `finish` with the assembled turn. */
export type ModelStreamPartV1 =
  | { readonly type: 'text-delta'; readonly text: string }
  | { readonly type: 'finish'; readonly response: ModelResponseV1 };

/**
 * A live provider client. It owns one pooled keep-alive transport; `close()` releases it. Instances
 * are created and pooled by the core; they must be safe for concurrent use.
 */
export interface ModelProviderV1 {
  readonly specificationVersion: 'v1';
  /** The provider id, e.g. `openai`. */
  readonly id: string;
  /** Generates one turn. Throws {@link ProviderCallError} (from `@strands-cli/core/spec`) on failure. */
  generate(request: ModelRequestV1): Promise<ModelResponseV1>;
  /** Streams one turn. Throws {@link ProviderCallError} on failure, also in the middle of the stream. */
  stream(request: ModelRequestV1): AsyncIterable<ModelStreamPartV1>;
  /** Releases the transport. Idempotent. */
  close(): Promise<void>;
}

/** Timeouts every provider transport applies. */
export interface TransportTimeoutsV1 {
  readonly connectMs: number;
  /** Time to the response headers (for a slow model load, generous). */
  readonly headersMs: number;
  /** Maximum gap between body chunks. */
  readonly bodyMs: number;
}

/**
 * What the core knows about where a provider client should connect, from the spec and the
 * command line. Providers turn it into their own settings (reading the environment then, not at import).
 */
export interface ProviderConnectionRequestV1 {
  /** `runtime.host` (or an agent override): an endpoint URL. */
  readonly host?: string;
  /** `runtime.region` (or an agent's). */
  readonly region?: string;
  /** Connection bound for the client's pool (the run's `max_parallel`). */
  readonly maxConnections: number;
  readonly timeouts: TransportTimeoutsV1;
  /** The environment to read credentials and endpoints from. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** One line of `strands doctor`. */
export interface DiagnosticV1 {
  readonly check: string;
  readonly ok: boolean;
  /** `warn` does not fail doctor. */
  readonly severity?: 'error' | 'warn';
  readonly detail: string;
}

/** The inference parameters a spec can set (runtime or per agent), named as in the spec. */
export const inferenceParameterNames = ['temperature', 'top_p', 'max_tokens'] as const;

/** Inference parameters named as in the spec. */
export type InferenceParameterName = (typeof inferenceParameterNames)[number];

/**
 * The plugin descriptor a provider package exports by default. Cheap to import: the vendor SDK is
 * loaded only by `create`.
 */
export interface ModelProviderPluginV1<Settings = unknown> {
  readonly kind: 'model-provider';
  readonly specificationVersion: 'v1';
  /** Short id used in specs (`runtime.provider`). */
  readonly id: string;
  /** The package version, for `doctor` and User-Agent headers. */
  readonly version: string;
  /** Model id used when the spec gives none. */
  readonly defaultModelId: string;
  /** Inference parameters the provider accepts; `validate` reports the others. */
  readonly supportedInference: readonly InferenceParameterName[];
  /**
   * Values the provider sends when the spec sets none, for parameters its API requires (Anthropic's
   * `max_tokens`); `plan` shows them as provider defaults.
   */
  readonly defaultInference?: Readonly<Partial<Record<InferenceParameterName, number>>>;
  /** Validates resolved settings. */
  readonly configSchema: ZodType<Settings>;
  /**
   * Environment variables that hold credentials, for doctor and error hints. When one is set, the core
   * lets a spec-chosen endpoint receive requests only if the user approved it.
   */
  readonly credentialVariables: readonly string[];
  /**
   * Environment variables through which the user picks this provider's endpoint (`OPENAI_BASE_URL`,
   * `OLLAMA_HOST`), first the one to suggest. An endpoint named there is approved by the user.
   */
  readonly endpointVariables?: readonly string[];
  /**
   * True when the client may also sign with credentials found outside `credentialVariables` (an AWS
   * profile or an instance role), so every spec-chosen endpoint needs approval.
   */
  readonly ambientCredentials?: boolean;
  /** True for the provider's own service (e.g. `https://api.openai.com`), which needs no approval. */
  isOwnEndpoint?(url: URL): boolean;
  /** Resolves settings from the spec and environment. Throws a {@link StrandsError} with a fix when something is missing. */
  resolveSettings(request: ProviderConnectionRequestV1): Settings;
  /**
   * The transport identity of these settings: endpoint, region, credential fingerprint, connection
   * bound. Never the model id or inference parameters. Must not contain secrets in clear.
   */
  transportKey(settings: Settings): string;
  /** Creates a client (loads the vendor SDK lazily). */
  create(settings: Settings): Promise<ModelProviderV1>;
  /** Checks credentials and reachability for `strands doctor`, each within the signal's deadline. */
  diagnose?(settings: Settings, signal: AbortSignal): Promise<DiagnosticV1[]>;
}
