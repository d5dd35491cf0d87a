/** What `web_fetch` does with a response, by its Content-Type. */
export type ContentKind = 'html' | 'text' | 'binary';

const textTypes = [
  /^text\//,
  /^application\/(json|ld\+json|xml|javascript|ecmascript|x-yaml|yaml|toml|x-www-form-urlencoded)$/,
  /\+(json|xml)$/,
];

/**
 * Classifies a response: HTML (converted to markdown on request), other text (returned as-is) or
 * binary (refused: bytes of an image or archive are noise to a model and cost its whole context).
 * Without a Content-Type the first bytes decide: a NUL byte means binary.
 */
export function contentKindOf(contentType: string | undefined, bytes: Uint8Array): ContentKind {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (textTypes.some((pattern) => pattern.test(type))) return 'text';
  if (type !== '' && type !== 'application/octet-stream') return 'binary';
  const sample = bytes.subarray(0, 1024);
  if (sample.includes(0)) return 'binary';
  return /<html|<!doctype html/i.test(Buffer.from(sample).toString('latin1')) ? 'html' : 'text';
}
