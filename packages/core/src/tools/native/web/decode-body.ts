/** How far into an HTML document a `<meta charset>` declaration is looked for, as browsers do. */
const metaSniffBytes = 1024;

/** The `charset` parameter of a Content-Type header, or undefined. */
export function charsetOfContentType(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase();
}

/** The charset an HTML document declares in a `<meta>` element near its start, or undefined. */
export function charsetOfHtmlMeta(bytes: Uint8Array): string | undefined {
  // The head is ASCII-compatible in every charset a page may declare this way; latin1 maps bytes 1:1.
  const head = Buffer.from(bytes.subarray(0, metaSniffBytes)).toString('latin1');
  const direct = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return direct?.[1]?.toLowerCase();
}

/**
 * Decodes a response body: the charset of the Content-Type header first, then (for HTML) the page's
 * own `<meta>` declaration, then UTF-8. An unknown charset name also falls back to UTF-8, so a page
 * with a typo in its header still reads rather than failing the call.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | undefined, isHtml: boolean): string {
  const label = charsetOfContentType(contentType) ?? (isHtml ? charsetOfHtmlMeta(bytes) : undefined);
  let decoder = new TextDecoder('utf-8');
  try {
    if (label !== undefined) decoder = new TextDecoder(label);
  } catch {
    // Unknown charset name: keep UTF-8.
  }
  // A body cut at the size limit may end inside a multi-byte character; drop the partial character.
  return decoder.decode(bytes).replace(/\uFFFD$/, '');
}
