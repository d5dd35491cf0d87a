/**
 * Jinja2 (Python) keeps an unknown escape such as `\d` in a string literal as written; minijinja
 * rejects it ("bad string escape"). Specs written for strands-cli use regexes like
 * `regex_search('score:\s*(\d+)')`, so inside template tags we double the backslash of every escape
 * Python would have kept literally.
 */
const knownEscapes = new Set(['\\', "'", '"', 'n', 'r', 't', 'b', 'f', 'u', '/', '0']);

/** Rewrites unknown escapes inside string literals of `{{ }}` and `{% %}` tags; text outside tags is untouched. */
export function keepPythonStyleEscapes(source: string): string {
  if (!source.includes('\\')) return source;
  let output = '';
  let index = 0;
  while (index < source.length) {
    const open = source.slice(index).search(/\{\{|\{%/);
    if (open < 0) return output + source.slice(index);
    const tagStart = index + open;
    const closer = source[tagStart + 1] === '{' ? '}}' : '%}';
    output += source.slice(index, tagStart);
    const end = findTagEnd(source, tagStart + 2, closer);
    output += rewriteTag(source.slice(tagStart, end));
    index = end;
  }
  return output;
}

function findTagEnd(source: string, from: number, closer: string): number {
  let quote: string | undefined;
  for (let i = from; i < source.length; i += 1) {
    const char = source[i];
    if (quote) {
      if (char === '\\') i += 1;
      else if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (source.startsWith(closer, i)) return i + closer.length;
  }
  return source.length;
}

function rewriteTag(tag: string): string {
  let output = '';
  let quote: string | undefined;
  for (let i = 0; i < tag.length; i += 1) {
    const char = tag[i] as string;
    if (quote && char === '\\') {
      const next = tag[i + 1] ?? '';
      output += knownEscapes.has(next) ? `\\${next}` : `\\\\${next}`;
      i += 1;
      continue;
    }
    if (quote && char === quote) quote = undefined;
    else if (!quote && (char === "'" || char === '"')) quote = char;
    output += char;
  }
  return output;
}
