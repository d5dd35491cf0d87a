import { rewriteOutputTag } from './python-repr.js';
import { pythonSliceFilterName } from './python-slice.js';

/**
 * minijinja 2.11 (the newest minijinja-js release) slices wrongly where Python clamps: `word[-60:]`
 * of a 5-character word is empty instead of the whole word, `xs[:-60]` is the whole list instead of
 * an empty one, `word[4:0:-1]` keeps index 0. Jinja2 specs rely on Python's semantics, so before the
 * engine sees a template every slice whose bounds are not plain non-negative integer literals is
 * rewritten into a call of the Python-exact slice filter:
 *
 *   `subject[a:b:c]`  becomes  `(subject[:]|_strands_slice(a, b, c))[:]`
 *
 * `subject[:]` (a slice the engine gets right) makes the engine check the subject first, so an
 * undefined name, a mapping or a number fails exactly as before; the trailing `[:]` turns the
 * filter's refusal of bad bounds into an engine error. Slices with literal non-negative bounds
 * (`[:100]`, `[1:3]`, `[::2]`) are left to the engine, which gets those right.
 */

/** Names that are operators or statement words, never a value a subscript could apply to. */
const keywords = new Set(['and', 'or', 'not', 'in', 'is', 'if', 'else', 'for', 'recursive', 'as', 'import']);

interface Token {
  readonly kind: 'space' | 'name' | 'number' | 'string' | 'punct';
  readonly text: string;
}

const tokenPattern =
  /\s+|[A-Za-z_][A-Za-z0-9_]*|\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?|'(?:[^'\\]|\\.)*'?|"(?:[^"\\]|\\.)*"?|\*\*|\/\/|[=!<>]=|[\s\S]/y;

/**
 * `source` as the engine must read it: slice expressions rewritten (see the module comment) and
 * every output tag printing Python-style (see python-repr.ts).
 */
export function rewriteForEngine(source: string): string {
  return rewrite(source, true);
}

/** `source` with its slice expressions rewritten (see the module comment); unchanged when it has none. */
export function rewriteSlices(source: string): string {
  return rewrite(source, false);
}

function rewrite(source: string, outputs: boolean): string {
  const slices = source.includes(':') && source.includes('[');
  if (!slices && !(outputs && source.includes('{{'))) return source;
  let output = '';
  let index = 0;
  while (index < source.length) {
    const open = source.indexOf('{', index);
    if (open < 0) break;
    const kind = source[open + 1];
    if (kind === '#') {
      const close = source.indexOf('#}', open + 2);
      const after = close < 0 ? source.length : close + 2;
      output += source.slice(index, after);
      index = after;
      continue;
    }
    if (kind !== '{' && kind !== '%') {
      output += source.slice(index, open + 1);
      index = open + 1;
      continue;
    }
    const end = tagEnd(source, open + 2, kind === '{' ? '}}' : '%}');
    const code = rewriteCode(source.slice(open + 2, end.codeEnd), kind === '%');
    output +=
      outputs && kind === '{' && end.codeEnd < end.after
        ? source.slice(index, open) + rewriteOutputTag(code)
        : source.slice(index, open + 2) + code + source.slice(end.codeEnd, end.after);
    index = end.after;
    if (kind === '%' && /^[-+]?\s*raw\s*[-+]?$/.test(code.trim())) {
      // Text inside `{% raw %}` is output as written, never evaluated.
      const endraw = /\{%[-+]?\s*endraw\s*[-+]?%\}/g;
      endraw.lastIndex = index;
      const close = endraw.exec(source);
      const after = close ? close.index + close[0].length : source.length;
      output += source.slice(index, after);
      index = after;
    }
  }
  return output + source.slice(index);
}

/** Where a tag's code ends (its closer, skipping quoted strings) and where the tag ends. */
function tagEnd(source: string, from: number, closer: string): { codeEnd: number; after: number } {
  let quote: string | undefined;
  for (let i = from; i < source.length; i += 1) {
    const char = source[i];
    if (quote) {
      if (char === '\\') i += 1;
      else if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (source.startsWith(closer, i)) return { codeEnd: i, after: i + closer.length };
  }
  return { codeEnd: source.length, after: source.length };
}

function tokenize(code: string): Token[] {
  const tokens: Token[] = [];
  tokenPattern.lastIndex = 0;
  while (tokenPattern.lastIndex < code.length) {
    const text = (tokenPattern.exec(code) as RegExpExecArray)[0];
    const first = text[0] as string;
    const kind = /\s/.test(first)
      ? 'space'
      : /[A-Za-z_]/.test(first)
        ? 'name'
        : /\d/.test(first)
          ? 'number'
          : first === "'" || first === '"'
            ? 'string'
            : 'punct';
    tokens.push({ kind, text });
  }
  return tokens;
}

/** For every bracket token, the index of its partner (unbalanced brackets have none). */
function pairBrackets(tokens: readonly Token[]): Map<number, number> {
  const partners = new Map<number, number>();
  const stack: number[] = [];
  const closers: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  tokens.forEach((token, index) => {
    if (token.text === '(' || token.text === '[' || token.text === '{') stack.push(index);
    const opener = closers[token.text];
    if (opener !== undefined) {
      const top = stack[stack.length - 1];
      if (top !== undefined && tokens[top]?.text === opener) {
        stack.pop();
        partners.set(top, index);
        partners.set(index, top);
      }
    }
  });
  return partners;
}

function rewriteCode(code: string, statement: boolean): string {
  if (!code.includes(':') || !code.includes('[')) return code;
  const tokens = tokenize(code);
  const partners = pairBrackets(tokens);
  const firstToken = tokens.findIndex((token) => token.kind !== 'space');
  /** The previous non-space token before `index`, or -1. */
  const previous = (index: number): number => {
    let at = index - 1;
    while (at >= 0 && tokens[at]?.kind === 'space') at -= 1;
    return at;
  };
  /** True when a subscript right after token `at` applies to it (it ends a value). */
  const endsValue = (at: number): boolean => {
    const token = tokens[at];
    if (!token) return false;
    if (token.kind === 'name') return !keywords.has(token.text) && !(statement && at === firstToken);
    return token.kind === 'string' || token.kind === 'number' || [')', ']', '}'].includes(token.text);
  };
  /** The first token of the postfix expression (`a.b(c)[0]`) that ends with token `at`. */
  const valueStart = (at: number): number => {
    let current = at;
    for (;;) {
      const token = tokens[current] as Token;
      const opener = [')', ']', '}'].includes(token.text) ? partners.get(current) : undefined;
      if (opener !== undefined) {
        const before = previous(opener);
        if (token.text !== '}' && endsValue(before)) current = before;
        else return opener;
      } else {
        const before = previous(current);
        if (tokens[before]?.text === '.' && endsValue(previous(before))) current = previous(before);
        else if (token.kind === 'string' && tokens[before]?.kind === 'string') current = before;
        else return current;
      }
    }
  };

  const prefix = new Map<number, string>();
  const replacement = new Map<number, string>();
  tokens.forEach((token, open) => {
    if (token.text !== '[') return;
    const close = partners.get(open);
    const subjectEnd = previous(open);
    if (close === undefined || !endsValue(subjectEnd)) return;
    const colons: number[] = [];
    for (let at = open + 1; at < close; at += 1) {
      const inner = tokens[at] as Token;
      if (inner.text === ',') return;
      if (inner.text === ':') colons.push(at);
      const partner = partners.get(at);
      if (partner !== undefined && partner > at) at = partner;
    }
    if (colons.length === 0 || colons.length > 2) return;
    const bounds = [open, ...colons, close];
    const pieces = bounds
      .slice(1)
      .map((end, piece) => textBetween(tokens, bounds[piece] as number, end).trim());
    // Plain non-negative literals (and a literal zero step, which the engine refuses) stay as written.
    if (pieces.every((piece) => piece === '' || /^\d+$/.test(piece))) return;
    const start = valueStart(subjectEnd);
    // `x|f[1:]` is not valid Jinja2; leave it for the engine to report.
    const before = tokens[previous(start)];
    if (before?.text === '|' || before?.text === 'is') return;
    prefix.set(start, `${prefix.get(start) ?? ''}(`);
    const none = (piece: number) => (pieces[piece] === '' ? 'none' : '');
    replacement.set(open, `[:]|${pythonSliceFilterName}(${none(0)}`);
    colons.forEach((colon, index) => {
      replacement.set(colon, `, ${none(index + 1)}`);
    });
    replacement.set(close, `${colons.length === 1 ? ', none' : none(2)}))[:]`);
  });
  if (replacement.size === 0) return code;
  return tokens
    .map((token, index) => (prefix.get(index) ?? '') + (replacement.get(index) ?? token.text))
    .join('');
}

function textBetween(tokens: readonly Token[], from: number, to: number): string {
  return tokens
    .slice(from + 1, to)
    .map((token) => token.text)
    .join('');
}
