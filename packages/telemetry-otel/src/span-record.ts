/** An attribute value, as OpenTelemetry accepts it. */
export type AttributeValue = string | number | boolean | string[];

/** Attributes of a span or span event. */
export type Attributes = Record<string, AttributeValue>;

/** Something that happened at one moment inside a span (a retry, a pause, a budget warning). */
export interface SpanEventRecord {
  readonly name: string;
  /** Milliseconds since the epoch. */
  readonly time: number;
  readonly attributes: Attributes;
}

/** How a span ended: OpenTelemetry's status codes, by name. */
export interface SpanStatusRecord {
  code: 'UNSET' | 'OK' | 'ERROR';
  message?: string;
}

/**
 * One span as this package records it, independent of OpenTelemetry so that `--trace` works without
 * loading it. The parent id makes the tree readable by tools that draw it (the run report).
 */
export interface SpanRecord {
  readonly name: string;
  spanId: string;
  traceId: string;
  readonly parentSpanId: string | undefined;
  /** Milliseconds since the epoch. */
  readonly startTime: number;
  endTime: number | undefined;
  readonly attributes: Attributes;
  readonly events: SpanEventRecord[];
  readonly status: SpanStatusRecord;
}

/**
 * Receives the recorder's spans as they start and end: the OpenTelemetry bridge implements it. It may
 * replace the record's ids with the ones its own spans got, so the JSON and the backend agree.
 */
export interface SpanSink {
  start(record: SpanRecord, parent: SpanRecord | undefined): void;
  event(record: SpanRecord, event: SpanEventRecord): void;
  end(record: SpanRecord): void;
}
