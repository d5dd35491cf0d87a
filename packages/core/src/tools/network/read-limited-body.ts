/** What was read of a response body. */
export interface LimitedBody {
  /** The body as UTF-8 text, at most `maxBytes` bytes of it. */
  readonly text: string;
  /** True when the body was longer than `maxBytes` and was cut. */
  readonly truncated: boolean;
  /** The bytes read, for callers that decode another charset than UTF-8. */
  readonly bytes: Buffer;
}

/**
 * Reads at most `maxBytes` of a body stream, then stops reading (and destroys the stream, so a huge
 * or endless body costs no more than the limit).
 */
export async function readLimitedBody(
  body: AsyncIterable<Uint8Array> & { destroy(error?: Error): unknown },
  maxBytes: number,
): Promise<LimitedBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of body) {
    const buffer = Buffer.from(chunk);
    if (size + buffer.length > maxBytes) {
      chunks.push(buffer.subarray(0, maxBytes - size));
      size = maxBytes;
      truncated = true;
      break;
    }
    chunks.push(buffer);
    size += buffer.length;
  }
  if (truncated) body.destroy();
  const bytes = Buffer.concat(chunks, size);
  let text = bytes.toString('utf8');
  // A cut in the middle of a multi-byte character leaves a replacement character; drop it.
  if (truncated) text = text.replace(/\uFFFD$/, '');
  return { text, truncated, bytes };
}

/** The note appended to a truncated body, so the model knows it saw only part of it. */
export function truncationNote(maxBytes: number): string {
  return `\n[truncated: the body is longer than ${maxBytes} bytes; only the first ${maxBytes} bytes are shown]`;
}
