import type { TraceDocument } from '../trace-document.js';

/**
 * Whether a parsed JSON value has the trace document's shape (`spec_name`, `pattern` and a `spans`
 * list whose items have a name, ids and times), so a report is never drawn from some other JSON file.
 */
export function isTraceDocument(value: unknown): value is TraceDocument {
  if (value === null || typeof value !== 'object') return false;
  const document = value as Record<string, unknown>;
  if (typeof document.spec_name !== 'string' || typeof document.pattern !== 'string') return false;
  if (!Array.isArray(document.spans)) return false;
  return document.spans.every((span: unknown) => {
    if (span === null || typeof span !== 'object') return false;
    const item = span as Record<string, unknown>;
    return (
      typeof item.name === 'string' &&
      typeof item.span_id === 'string' &&
      typeof item.start_time === 'string' &&
      (item.parent_span_id === null || typeof item.parent_span_id === 'string') &&
      item.attributes !== null &&
      typeof item.attributes === 'object' &&
      Array.isArray(item.events) &&
      item.status !== null &&
      typeof item.status === 'object'
    );
  });
}
