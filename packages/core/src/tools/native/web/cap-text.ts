/**
 * Cuts `text` to at most `maxBytes` bytes of UTF-8 (never inside a character) and says so, so the
 * model knows it saw only part of the page and one large page cannot fill its whole context.
 */
export function capText(text: string, maxBytes: number): { text: string; truncated: boolean } {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return { text, truncated: false };
  const cut = bytes
    .subarray(0, maxBytes)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
  return {
    text: `${cut}\n[truncated: the content is longer than ${maxBytes} bytes; only the first ${maxBytes} bytes are shown]`,
    truncated: true,
  };
}

/**
 * Serializes a search answer, dropping its last results until it fits in `maxBytes` (cutting JSON
 * text would leave the model an unparsable answer); says how many were dropped.
 */
export function capJsonResults(payload: Record<string, unknown>, maxBytes: number): string {
  const results = Array.isArray(payload.results) ? [...payload.results] : [];
  let text = JSON.stringify(payload);
  let dropped = 0;
  while (Buffer.byteLength(text, 'utf8') > maxBytes && results.length > 0) {
    results.pop();
    dropped += 1;
    text = JSON.stringify({
      ...payload,
      results,
      truncated: `${dropped} more result(s) left out: the answer is limited to ${maxBytes} bytes`,
    });
  }
  return Buffer.byteLength(text, 'utf8') > maxBytes ? capText(text, maxBytes).text : text;
}
