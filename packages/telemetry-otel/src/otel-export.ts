import {
  type Context,
  context,
  ProxyTracerProvider,
  type Span,
  SpanStatusCode,
  type Tracer,
  type TracerProvider,
  trace,
} from '@opentelemetry/api';
import type { ExportSettings } from './otel-settings.js';
import type { SpanRecord, SpanSink } from './span-record.js';

/** The OpenTelemetry side of a traced run. */
export interface OtelExport {
  readonly sink: SpanSink;
  /** Exports what is left, waiting at most the flush timeout; never throws. */
  shutdown(): Promise<void>;
  /** The first export failure, for one warning at the end; undefined when every export worked. */
  readonly failure: string | undefined;
}

const tracerName = '@strands-cli/telemetry-otel';

/**
 * Mirrors the recorder's spans into OpenTelemetry. When the host process registered a global tracer
 * provider (the library used inside an instrumented application), its provider is used and the
 * workflow's root span becomes a child of the host's active span; the host exports. Otherwise a
 * provider of our own is set up (not registered globally: a CLI run must not change a host's API).
 * Parents are passed explicitly, so no context manager is needed for the tree to nest.
 */
export async function startOtelExport(settings: ExportSettings, flushTimeoutMs: number): Promise<OtelExport> {
  const host = hostProvider();
  if (host)
    return bridge(
      host.getTracer(tracerName),
      context.active(),
      async () => undefined,
      () => undefined,
    );
  const {
    BasicTracerProvider,
    BatchSpanProcessor,
    ConsoleSpanExporter,
    ParentBasedSampler,
    TraceIdRatioBasedSampler,
  } = await import('@opentelemetry/sdk-trace-base');
  const { resourceFromAttributes } = await import('@opentelemetry/resources');
  let failure: string | undefined;
  const spanProcessors = [];
  if (settings.exporter !== 'none') {
    const exporter =
      settings.exporter === 'console'
        ? new ConsoleSpanExporter()
        : new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter({
            ...(settings.url ? { url: settings.url } : {}),
            // Shorter than the flush bound, so a hanging collector is reported as a failed export.
            timeoutMillis: Math.max(1, Math.floor(flushTimeoutMs * 0.8)),
          });
    const original = exporter.export.bind(exporter);
    exporter.export = (spans, done) =>
      original(spans, (result) => {
        if (result.error && failure === undefined) failure = result.error.message;
        done(result);
      });
    spanProcessors.push(new BatchSpanProcessor(exporter, { exportTimeoutMillis: flushTimeoutMs }));
  }
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': settings.serviceName }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(settings.sampleRatio) }),
    spanProcessors,
  });
  const shutdown = async (): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, flushTimeoutMs);
      timer.unref();
    });
    // A slow or absent collector costs at most the bound; its error is reported, never thrown.
    await Promise.race([provider.shutdown().catch(() => undefined), bound]);
    clearTimeout(timer);
  };
  return bridge(provider.getTracer(tracerName), context.active(), shutdown, () => failure);
}

/** The host's provider when one was registered globally, else undefined. */
function hostProvider(): TracerProvider | undefined {
  const global = trace.getTracerProvider();
  if (!(global instanceof ProxyTracerProvider)) return global;
  // With no registration the global proxy delegates to the API's one no-op provider.
  const delegate = global.getDelegate();
  return delegate === new ProxyTracerProvider().getDelegate() ? undefined : delegate;
}

function bridge(
  tracer: Tracer,
  hostContext: Context,
  shutdown: () => Promise<void>,
  failure: () => string | undefined,
): OtelExport {
  const spans = new Map<SpanRecord, Span>();
  const sink: SpanSink = {
    start(record, parent) {
      const parentSpan = parent ? spans.get(parent) : undefined;
      const parentContext = parentSpan ? trace.setSpan(hostContext, parentSpan) : hostContext;
      const span = tracer.startSpan(
        record.name,
        { startTime: record.startTime, attributes: { ...record.attributes } },
        parentContext,
      );
      spans.set(record, span);
      const ids = span.spanContext();
      if (/[^0]/.test(ids.spanId)) {
        record.spanId = ids.spanId;
        record.traceId = ids.traceId;
      }
    },
    event(record, event) {
      spans.get(record)?.addEvent(event.name, { ...event.attributes }, event.time);
    },
    end(record) {
      const span = spans.get(record);
      if (!span) return;
      spans.delete(record);
      span.setAttributes({ ...record.attributes });
      if (record.status.code !== 'UNSET') {
        span.setStatus({
          code: record.status.code === 'OK' ? SpanStatusCode.OK : SpanStatusCode.ERROR,
          ...(record.status.message === undefined ? {} : { message: record.status.message }),
        });
      }
      span.end(record.endTime);
    },
  };
  return {
    sink,
    shutdown,
    get failure() {
      return failure();
    },
  };
}
