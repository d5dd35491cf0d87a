/**
 * Turns the rendered `items` template into a list: a JSON array when the text is one, otherwise one
 * item per non-empty line. Returns an error message instead of throwing, so the caller can say where.
 */
export function parseItems(text: string): { items: unknown[] } | { error: string } {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return { items: parsed };
    } catch (error) {
      return { error: `it looks like a JSON array but does not parse (${(error as Error).message})` };
    }
  }
  const lines = trimmed
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return { items: lines };
}
