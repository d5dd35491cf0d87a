import { randomBytes } from 'node:crypto';
import type { Attributes, SpanRecord, SpanSink } from './span-record.js';

/**
 * Creates, annotates and ends span records, passing each change to the sink. Times are given in
 * run-relative milliseconds (what events carry) and stored as epoch milliseconds.
 */
export class SpanWriter {
  readonly spans: SpanRecord[] = [];
  /** The epoch milliseconds of the run's start, set when the run starts. */
  origin = 0;
  readonly #sink: SpanSink | undefined;

  constructor(sink: SpanSink | undefined) {
    this.#sink = sink;
  }

  start(name: string, parent: SpanRecord | undefined, at: number, attributes: Attributes): SpanRecord {
    const record: SpanRecord = {
      name,
      spanId: randomBytes(8).toString('hex'),
      traceId: parent?.traceId ?? randomBytes(16).toString('hex'),
      parentSpanId: parent?.spanId,
      startTime: this.origin + at,
      endTime: undefined,
      attributes,
      events: [],
      status: { code: 'UNSET' },
    };
    this.spans.push(record);
    this.#sink?.start(record, parent);
    return record;
  }

  event(span: SpanRecord, name: string, at: number, attributes: Attributes): void {
    const event = { name, time: this.origin + at, attributes };
    span.events.push(event);
    this.#sink?.event(span, event);
  }

  endWith(span: SpanRecord, status: SpanRecord['status'], at: number): void {
    span.status.code = status.code;
    if (status.message !== undefined) span.status.message = status.message;
    this.end(span, at);
  }

  /** Ends a span once; a second end is ignored. */
  end(span: SpanRecord, at: number): void {
    if (span.endTime !== undefined) return;
    span.endTime = this.origin + at;
    this.#sink?.end(span);
  }
}
