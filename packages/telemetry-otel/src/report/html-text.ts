/** Characters with a meaning in HTML, in text and in quoted attribute values. */
const htmlEntities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * `text` safe to place in HTML (or inline SVG) text or a quoted attribute: every character that could
 * open a tag, end an attribute or start an entity is written as an entity. Model output is hostile
 * input here: `</script>` or `<img onerror>` must show as text.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEntities[character] ?? character);
}

/** The text cut to `max` characters, and how many were left out (0 when it fits). */
export function truncateText(text: string, max: number): { readonly text: string; readonly omitted: number } {
  if (text.length <= max) return { text, omitted: 0 };
  return { text: text.slice(0, max), omitted: text.length - max };
}

/** A short label, on one line: whitespace folded, cut with an ellipsis. */
export function shortLabel(text: string, max = 48): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length > max ? `${single.slice(0, max - 1)}…` : single;
}

/** A duration for people: `850 ms`, `12.4 s`, `3 min 05 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
}

/** A whole number with thousands separators that do not depend on the locale. */
export function formatCount(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
