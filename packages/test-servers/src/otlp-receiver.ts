import { type RouteServer, startRouteServer } from './route-server.js';

/** One span an {@link OtlpReceiver} received, decoded from OTLP/JSON. */
export interface ReceivedSpan {
  readonly serviceName: string | undefined;
  readonly traceId: string;
  readonly spanId: string;
  /** Empty for a root span. */
  readonly parentSpanId: string;
  readonly name: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly events: readonly {
    readonly name: string;
    readonly attributes: Readonly<Record<string, unknown>>;
  }[];
  /** OTLP status code: 0 unset, 1 ok, 2 error. */
  readonly statusCode: number;
}

/** A loopback OTLP/HTTP traces collector (JSON encoding) that keeps what it received. */
export interface OtlpReceiver extends RouteServer {
  /** The decoded spans of every export, in arrival order. */
  readonly spans: readonly ReceivedSpan[];
  /** Every raw request body, to assert what never left the process. */
  readonly bodies: readonly string[];
}

/** Options of {@link startOtlpReceiver}. */
export interface OtlpReceiverOptions {
  /** Never answer (a collector that hangs): exports time out on the sender's side. */
  readonly hang?: boolean;
}

/** Starts an {@link OtlpReceiver}: `POST /v1/traces` with OTLP/JSON, answered with an empty success. */
export async function startOtlpReceiver(options: OtlpReceiverOptions = {}): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  const bodies: string[] = [];
  const server = await startRouteServer((request, response) => {
    bodies.push(request.body);
    if (options.hang) return;
    if (request.method !== 'POST' || !request.path.startsWith('/v1/traces')) {
      response.writeHead(404).end();
      return;
    }
    spans.push(...decodeExport(request.body));
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  return Object.assign(server, { spans, bodies });
}

interface OtlpKeyValue {
  key: string;
  value: Record<string, unknown>;
}

/** Decodes an `ExportTraceServiceRequest` in OTLP/JSON. */
function decodeExport(body: string): ReceivedSpan[] {
  const document = JSON.parse(body) as {
    resourceSpans?: {
      resource?: { attributes?: OtlpKeyValue[] };
      scopeSpans?: {
        spans?: {
          traceId: string;
          spanId: string;
          parentSpanId?: string;
          name: string;
          attributes?: OtlpKeyValue[];
          events?: { name: string; attributes?: OtlpKeyValue[] }[];
          status?: { code?: number };
        }[];
      }[];
    }[];
  };
  const out: ReceivedSpan[] = [];
  for (const resource of document.resourceSpans ?? []) {
    const serviceName = attributeRecord(resource.resource?.attributes)['service.name'];
    for (const scope of resource.scopeSpans ?? []) {
      for (const span of scope.spans ?? []) {
        out.push({
          serviceName: typeof serviceName === 'string' ? serviceName : undefined,
          traceId: span.traceId,
          spanId: span.spanId,
          parentSpanId: span.parentSpanId ?? '',
          name: span.name,
          attributes: attributeRecord(span.attributes),
          events: (span.events ?? []).map((event) => ({
            name: event.name,
            attributes: attributeRecord(event.attributes),
          })),
          statusCode: span.status?.code ?? 0,
        });
      }
    }
  }
  return out;
}

function attributeRecord(attributes: readonly OtlpKeyValue[] | undefined): Record<string, unknown> {
  return Object.fromEntries((attributes ?? []).map(({ key, value }) => [key, anyValue(value)]));
}

/** An OTLP `AnyValue` as a plain value (int64 arrives as a string in OTLP/JSON). */
function anyValue(value: Record<string, unknown>): unknown {
  if ('stringValue' in value) return value.stringValue;
  if ('boolValue' in value) return value.boolValue;
  if ('intValue' in value) return Number(value.intValue);
  if ('doubleValue' in value) return value.doubleValue;
  if ('arrayValue' in value) {
    const values = (value.arrayValue as { values?: Record<string, unknown>[] }).values ?? [];
    return values.map(anyValue);
  }
  return undefined;
}
