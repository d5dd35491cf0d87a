/** The spec's agent definitions and `tools` section, as plugins see them (see workflow-spec-v1.ts). */

/** Sampling parameters (runtime-wide or per agent); each provider applies the ones it supports. */
export type InferenceSpec = {
  /** Sampling temperature, 0 to 2. */
  temperature?: number | undefined;
  /** Nucleus sampling, 0 to 1. */
  top_p?: number | undefined;
  /** Cap on output tokens per model call. */
  max_tokens?: number | undefined;
};

/** One entry of `agents`. */
export type AgentSpec = {
  /** The system prompt (used verbatim, not a template). */
  prompt: string;
  /** Tool ids this agent may use. */
  tools?: string[] | undefined;
  /** Overrides `runtime.provider` for this agent. */
  provider?: string | undefined;
  /** Overrides `runtime.model_id` for this agent. */
  model_id?: string | undefined;
  inference?: InferenceSpec | undefined;
  description?: string | undefined;
  /** JSON Schema of the input (atomic agents): a path or an inline schema. */
  input_schema?: string | Record<string, unknown> | undefined;
  /** JSON Schema of the output (atomic agents): a path or an inline schema. */
  output_schema?: string | Record<string, unknown> | undefined;
  region?: string | undefined;
  host?: string | undefined;
};

/** One `tools.http_executors[]` entry: an HTTP API agents may call. */
export type HttpExecutorSpec = {
  id: string;
  /** Requests go to this URL plus the path the agent gives. */
  base_url: string;
  /** Sent with every request; `${VAR}` environment references are expanded. */
  headers?: Record<string, string> | undefined;
  timeout_ms?: number | undefined;
  description?: string | undefined;
  examples?:
    | {
        description?: string | undefined;
        method?: string | undefined;
        path?: string | undefined;
        json_data?: unknown;
      }[]
    | undefined;
  common_endpoints?:
    | { method?: string | undefined; path: string; description?: string | undefined }[]
    | undefined;
  response_format?: string | undefined;
  authentication_info?: string | undefined;
};

/** One `tools.mcp[]` entry: a stdio server (`command`) or an HTTP server (`url`). */
export type McpServerSpec = {
  id: string;
  command?: string | undefined;
  args?: string[] | undefined;
  env?: Record<string, string> | undefined;
  cwd?: string | undefined;
  url?: string | undefined;
  headers?: Record<string, string> | undefined;
  /** When the server cannot start, warn and run without its tools instead of failing. */
  optional?: boolean | undefined;
};

/** `tools`: what agents can use. */
export type ToolsSpec = {
  /** Native tools by name or strands-cli module path (e.g. `http_request`). */
  python?: (string | { callable: string })[] | undefined;
  mcp?: McpServerSpec[] | undefined;
  http_executors?: HttpExecutorSpec[] | undefined;
};
