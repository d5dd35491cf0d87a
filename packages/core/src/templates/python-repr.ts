/**
 * Printing values the way Jinja2 prints them. Jinja2 outputs `str(value)`: `True`, `False`, `None`,
 * and the Python repr of lists and mappings (`['a', 'b']`, `{'k': 1}`). minijinja prints `true`,
 * `false`, `none` and `["a", "b"]`, and strands-cli specs print such values (`{{ 'approve' in
 * x.lower() }}`), so every output tag is rewritten to print through {@link pythonPrintFilter}.
 *
 * Numbers: JavaScript has no integer/float distinction, and a number reaching a JS filter has lost
 * it (`2.0` arrives as `2`). So the engine tells the filter whether a value printed on its own is a
 * float (`{{ 3 / 1 }}` prints `3.0`, `{{ 1e-5 }}` prints `1e-05`); a number inside a list or
 * mapping has no such flag and an integral one prints as an integer (`[1.0]` prints `[1]`).
 */

/** Filter name the output rewrite calls; the underscore keeps it clear of any filter a spec means to use. */
export const pythonPrintFilterName = '_strands_py';

/** Variable the output rewrite assigns each printed value to, so the expression is evaluated once. */
const printedName = '_strands_printed';

/**
 * The output tag `{{ code }}` (its text between `{{` and `}}`, whitespace-control markers included)
 * as the engine must read it: strings, integers and undefined values (which must fail as before)
 * print natively, everything else through {@link pythonPrintFilter}. The value is assigned first so
 * that the expression is evaluated once.
 */
export function rewriteOutputTag(code: string): string {
  const lead = code[0] === '-' || code[0] === '+' ? code[0] : '';
  const last = code[code.length - 1];
  const trail = code.length > lead.length && (last === '-' || last === '+') ? last : '';
  const expression = code.slice(lead.length, code.length - trail.length);
  if (expression.trim() === '') return `{{${code}}}`;
  const value = printedName;
  return (
    `{%${lead} set ${value} = (${expression}) %}` +
    `{{ ${value} if ${value} is string or ${value} is integer or ${value} is undefined` +
    ` else ${value}|${pythonPrintFilterName}(${value} is float) ${trail}}}`
  );
}

/**
 * `str(value)` as Python prints it, for the values the engine hands a JS filter: booleans, `null`
 * (none), numbers (`float` true when the engine holds a float), arrays, `Map`s (mappings). Never
 * throws: a filter that throws leaves the engine unusable.
 */
export function pythonPrintFilter(value: unknown, float?: unknown): string {
  try {
    if (typeof value === 'number') return pythonNumber(value, float === true);
    return typeof value === 'string' ? value : pythonRepr(value, 0);
  } catch {
    // Only a value no template can produce gets here; printing nothing beats a broken engine.
    return '';
  }
}

/** Python's `repr` of a value as it crosses from the engine into JavaScript. */
function pythonRepr(value: unknown, depth: number): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return pythonNumber(value, false);
  if (typeof value === 'string') return pythonStringRepr(value);
  // Deeper than any data a spec holds: the context conversion cuts at the same depth.
  if (depth > 64) return '...';
  if (Array.isArray(value)) return `[${value.map((item) => pythonRepr(item, depth + 1)).join(', ')}]`;
  if (value instanceof Map) {
    const entries = [...value].map(
      ([key, item]) => `${pythonRepr(key, depth + 1)}: ${pythonRepr(item, depth + 1)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  return String(value);
}

/**
 * A number as Python prints it: as an `int` when integral and not known to be a float, else by the
 * `float` repr (`3.0`, `1e-05`, `1e+16`, `inf`).
 */
export function pythonNumber(value: number, float: boolean): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  const integral = Number.isInteger(value);
  if (integral && !float) return Object.is(value, -0) ? '0' : BigInt(value).toString();
  // toExponential() gives the shortest digits that round-trip, as Python's repr does.
  const [mantissa = '', power = '0'] = value.toExponential().split('e');
  const exponent = Number(power);
  // Python writes positional notation for exponents -4..15, where JavaScript does too.
  if (exponent >= -4 && exponent < 16) {
    const sign = Object.is(value, -0) ? '-' : '';
    return `${sign}${String(value)}${integral ? '.0' : ''}`;
  }
  const sign = exponent < 0 ? '-' : '+';
  return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

/** Python's `repr` of a string: single quotes unless the text has one and no double quote. */
export function pythonStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let body = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (char === '\\' || char === quote) body += `\\${char}`;
    else if (char === '\n') body += '\\n';
    else if (char === '\r') body += '\\r';
    else if (char === '\t') body += '\\t';
    else if (code < 0x20 || (code >= 0x7f && code <= 0xa0))
      body += `\\x${code.toString(16).padStart(2, '0')}`;
    else body += char;
  }
  return `${quote}${body}${quote}`;
}
