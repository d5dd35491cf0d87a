/** Bounds the wait for the last spans to reach the collector at the end of a run. */
export const defaultFlushTimeoutMs = 2000;

/** The `telemetry` section of a spec, as this package reads it. */
export interface TelemetrySection {
  /** Put message content on spans (redacted); see {@link captureContent}. */
  readonly capture_content?: boolean;
  readonly otel?: {
    readonly endpoint?: string;
    readonly service_name?: string;
    readonly sample_ratio?: number;
  };
  readonly redact?: {
    readonly tool_inputs?: boolean;
    readonly tool_outputs?: boolean;
    readonly custom_patterns?: readonly string[];
  };
}

/** Where and how spans are exported. */
export interface ExportSettings {
  /** `otlp`: OTLP/HTTP (JSON); `console`: span dumps on stderr; `none`: only the trace JSON. */
  readonly exporter: 'otlp' | 'console' | 'none';
  /** The OTLP/HTTP traces URL (ends in `/v1/traces`); undefined lets the exporter read the OTEL_* variables. */
  readonly url: string | undefined;
  readonly serviceName: string;
  readonly sampleRatio: number;
  /** Said once to the user: an endpoint that was rewritten (gRPC port to HTTP). */
  readonly note: string | undefined;
}

/** The OTLP/gRPC port; this package speaks OTLP/HTTP, whose port is 4318. */
const grpcPort = '4317';
const httpPort = '4318';

/**
 * Decides the export from the spec and the standard OpenTelemetry variables. The spec's endpoint
 * wins; else `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`/`OTEL_EXPORTER_OTLP_ENDPOINT` (read by the exporter
 * itself); `OTEL_TRACES_EXPORTER=console|none` chooses the console or no exporter. With neither an
 * endpoint nor a variable nothing is exported: only `--trace` and `{{ TRACE }}` see the spans.
 *
 * strands-cli's examples name an OTLP/gRPC endpoint (`:4317`). A gRPC exporter would add an HTTP/2
 * stack and protobuf code to every traced run, while every collector that listens on 4317 also
 * listens for OTLP/HTTP on 4318: such an endpoint is mapped to 4318, with a note.
 */
export function exportSettings(
  section: TelemetrySection | undefined,
  env: Readonly<Record<string, string | undefined>>,
): ExportSettings {
  const serviceName = section?.otel?.service_name ?? env.OTEL_SERVICE_NAME ?? 'strands-cli';
  const sampleRatio = section?.otel?.sample_ratio ?? 1;
  const chosen = env.OTEL_TRACES_EXPORTER?.trim().toLowerCase();
  const base = { serviceName, sampleRatio, note: undefined };
  if (chosen === 'none') return { ...base, exporter: 'none', url: undefined };
  if (chosen === 'console') return { ...base, exporter: 'console', url: undefined };
  const endpoint = section?.otel?.endpoint;
  if (endpoint) {
    const mapped = mapGrpcEndpoint(endpoint);
    return {
      ...base,
      exporter: 'otlp',
      url: tracesUrl(mapped),
      note:
        mapped === endpoint
          ? undefined
          : `telemetry: ${endpoint} is an OTLP/gRPC endpoint; spans are sent over OTLP/HTTP to ${tracesUrl(mapped)}`,
    };
  }
  const fromEnv = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? env.OTEL_EXPORTER_OTLP_ENDPOINT;
  return { ...base, exporter: fromEnv ? 'otlp' : 'none', url: undefined };
}

/** `http://host:4317` → `http://host:4318`; any other endpoint unchanged. */
function mapGrpcEndpoint(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    if (url.port !== grpcPort) return endpoint;
    url.port = httpPort;
    return url.toString().replace(/\/$/, '');
  } catch {
    return endpoint;
  }
}

/** A base endpoint gets the traces path, as `OTEL_EXPORTER_OTLP_ENDPOINT` does. */
function tracesUrl(endpoint: string): string {
  if (/\/v1\/traces\/?$/.test(endpoint)) return endpoint;
  return `${endpoint.replace(/\/+$/, '')}/v1/traces`;
}

/**
 * Whether spans carry message content: `telemetry.capture_content` when the spec says (true or
 * false), else the standard `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true`. Off by default.
 */
export function captureContent(
  section: TelemetrySection | undefined,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (section?.capture_content !== undefined) return section.capture_content;
  return env.OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT?.trim().toLowerCase() === 'true';
}
