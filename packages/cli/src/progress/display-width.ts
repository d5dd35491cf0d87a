/** Matches one ANSI escape sequence (CSI such as colours, or a two-character escape). */
const escapeChar = String.fromCharCode(0x1b);
const ansiPattern = new RegExp(`${escapeChar}(?:\\[[0-?]*[ -/]*[@-~]|[@-Z\\\\-_])`, 'y');

/** Code point ranges a terminal draws two columns wide (East Asian wide and fullwidth, emoji). */
const wideRanges: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

/** Code point ranges that take no column (combining marks, zero-width joiners, variation selectors). */
const zeroRanges: ReadonlyArray<readonly [number, number]> = [
  [0x0300, 0x036f],
  [0x200b, 0x200f],
  [0xfe00, 0xfe0f],
];

const inRanges = (code: number, ranges: ReadonlyArray<readonly [number, number]>): boolean =>
  ranges.some(([low, high]) => code >= low && code <= high);

/** Columns one code point takes on a terminal: 0, 1 or 2. */
export function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return 0;
  if (inRanges(code, zeroRanges)) return 0;
  return inRanges(code, wideRanges) ? 2 : 1;
}

/** Columns `text` takes on a terminal, ignoring ANSI escape sequences. */
export function displayWidth(text: string): number {
  return tokenize(text).reduce((sum, token) => sum + token.width, 0);
}

/** A piece of text: an escape sequence (no columns) or one code point. */
interface Token {
  readonly text: string;
  readonly width: number;
  readonly escape: boolean;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    ansiPattern.lastIndex = index;
    const sequence = ansiPattern.exec(text);
    const piece = sequence ? sequence[0] : String.fromCodePoint(text.codePointAt(index) ?? 0);
    tokens.push({ text: piece, width: sequence ? 0 : charWidth(piece), escape: sequence !== null });
    index += piece.length;
  }
  return tokens;
}

/**
 * Cuts `text` so that it takes at most `maxWidth` columns, ending a cut line with `…`. Escape
 * sequences are kept (they take no column) and a cut line ends with a style reset, so a colour
 * opened before the cut does not leak into what follows.
 */
export function truncateToWidth(text: string, maxWidth: number): { text: string; width: number } {
  const tokens = tokenize(text);
  const total = tokens.reduce((sum, token) => sum + token.width, 0);
  if (total <= maxWidth) return { text, width: total };
  const room = Math.max(0, Math.floor(maxWidth) - 1);
  let out = '';
  let width = 0;
  let styled = false;
  for (const token of tokens) {
    if (token.escape) {
      out += token.text;
      styled = true;
      continue;
    }
    if (width + token.width > room) break;
    out += token.text;
    width += token.width;
  }
  if (maxWidth < 1) return { text: styled ? '\u001b[0m' : '', width: 0 };
  return { text: `${out}…${styled ? '\u001b[0m' : ''}`, width: width + 1 };
}
