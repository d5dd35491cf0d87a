/**
 * A small arithmetic evaluator for the `calculator` tool: numbers, + - * / % ^ ** (power, right
 * associative, binding tighter than unary minus: -2^2 = -4), parentheses, the constants pi and e and a
 * fixed set of functions. It parses the text itself; nothing is ever handed to `eval` or `Function`.
 */

const calculatorErrorMarker = Symbol.for('strands-cli.error.CalculatorError');

/** A mistake in an expression, with the 0-based character position it was found at. */
export class CalculatorError extends Error {
  protected readonly [calculatorErrorMarker] = true;
  readonly position: number;

  /** True for a CalculatorError, even one from another copy of the package. */
  static isInstance(value: unknown): value is CalculatorError {
    return typeof value === 'object' && value !== null && calculatorErrorMarker in value;
  }

  constructor(message: string, position: number) {
    super(`${message} (at position ${position + 1})`);
    this.name = 'CalculatorError';
    this.position = position;
  }
}

type Token = { readonly kind: 'number' | 'name' | 'op' | 'end'; readonly text: string; readonly at: number };

/**
 * A name table that answers only for its own keys. A plain object literal would also "know"
 * `constructor`, `toString` or `__proto__` through Object.prototype, so `constructor(1)` would call
 * the Object constructor instead of failing as an unknown name.
 */
function nameTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

/** The entry of `table` named `name`, if it is one of the table's own names. */
function lookUp<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

const constants = nameTable<number>({ pi: Math.PI, e: Math.E });

type Fn = {
  readonly arity: readonly [number, number];
  readonly apply: (args: number[], at: number) => number;
};
const positive = (name: string, x: number, at: number, allowZero: boolean) => {
  if (x < 0 || (!allowZero && x === 0))
    throw new CalculatorError(
      `${name} needs a ${allowZero ? 'non-negative' : 'positive'} number, got ${x}`,
      at,
    );
  return x;
};
const functions = nameTable<Fn>({
  sqrt: { arity: [1, 1], apply: ([x], at) => Math.sqrt(positive('sqrt', x!, at, true)) },
  abs: { arity: [1, 1], apply: ([x]) => Math.abs(x!) },
  round: {
    arity: [1, 2],
    apply: ([x, digits = 0]) => Math.round(x! * 10 ** Math.trunc(digits)) / 10 ** Math.trunc(digits),
  },
  floor: { arity: [1, 1], apply: ([x]) => Math.floor(x!) },
  ceil: { arity: [1, 1], apply: ([x]) => Math.ceil(x!) },
  min: { arity: [1, Number.POSITIVE_INFINITY], apply: (args) => Math.min(...args) },
  max: { arity: [1, Number.POSITIVE_INFINITY], apply: (args) => Math.max(...args) },
  log: {
    arity: [1, 2],
    apply: ([x, base], at) =>
      base === undefined
        ? Math.log(positive('log', x!, at, false))
        : Math.log(positive('log', x!, at, false)) / Math.log(positive('log base', base, at, false)),
  },
  exp: { arity: [1, 1], apply: ([x]) => Math.exp(x!) },
  sin: { arity: [1, 1], apply: ([x]) => Math.sin(x!) },
  cos: { arity: [1, 1], apply: ([x]) => Math.cos(x!) },
  tan: { arity: [1, 1], apply: ([x]) => Math.tan(x!) },
});

/** Names the evaluator knows, for error messages and the tool description. */
export const calculatorNames = { functions: Object.keys(functions), constants: Object.keys(constants) };

const maxLength = 2_000;
const maxDepth = 100;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern =
    /\s+|(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_]\w*)|(\*\*|[-+*/%^(),])/y;
  let at = 0;
  while (at < text.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (match === null) throw new CalculatorError(`Unexpected character '${text[at]}'`, at);
    if (match[1] !== undefined) tokens.push({ kind: 'number', text: match[1], at });
    else if (match[2] !== undefined) tokens.push({ kind: 'name', text: match[2].toLowerCase(), at });
    else if (match[3] !== undefined) tokens.push({ kind: 'op', text: match[3], at });
    at = pattern.lastIndex;
  }
  tokens.push({ kind: 'end', text: '', at: text.length });
  return tokens;
}

class Parser {
  #index = 0;
  #depth = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  get #next(): Token {
    return this.tokens[this.#index]!;
  }

  #take(op: string): boolean {
    if (this.#next.kind === 'op' && this.#next.text === op) {
      this.#index += 1;
      return true;
    }
    return false;
  }

  #expect(op: string): void {
    if (!this.#take(op))
      throw new CalculatorError(`Expected '${op}' but found ${describe(this.#next)}`, this.#next.at);
  }

  parse(): number {
    const value = this.#additive();
    if (this.#next.kind !== 'end')
      throw new CalculatorError(`Unexpected ${describe(this.#next)}`, this.#next.at);
    return value;
  }

  #additive(): number {
    let value = this.#multiplicative();
    for (;;) {
      if (this.#take('+')) value += this.#multiplicative();
      else if (this.#take('-')) value -= this.#multiplicative();
      else return value;
    }
  }

  #multiplicative(): number {
    let value = this.#unary();
    for (;;) {
      const token = this.#next;
      if (this.#take('*')) value *= this.#unary();
      else if (this.#take('/') || this.#take('%')) {
        const divisor = this.#unary();
        if (divisor === 0)
          throw new CalculatorError(token.text === '/' ? 'Division by zero' : 'Modulo by zero', token.at);
        value = token.text === '/' ? value / divisor : value % divisor;
      } else return value;
    }
  }

  #unary(): number {
    if (++this.#depth > maxDepth)
      throw new CalculatorError('The expression is nested too deeply', this.#next.at);
    try {
      if (this.#take('-')) return -this.#unary();
      if (this.#take('+')) return this.#unary();
      return this.#power();
    } finally {
      this.#depth -= 1;
    }
  }

  #power(): number {
    const base = this.#primary();
    return this.#take('^') || this.#take('**') ? base ** this.#unary() : base;
  }

  #primary(): number {
    const token = this.#next;
    if (token.kind === 'number') {
      this.#index += 1;
      return Number(token.text);
    }
    if (this.#take('(')) {
      const value = this.#additive();
      this.#expect(')');
      return value;
    }
    if (token.kind === 'name') {
      this.#index += 1;
      if (this.#next.kind === 'op' && this.#next.text === '(') return this.#call(token);
      const constant = lookUp(constants, token.text);
      if (constant !== undefined) return constant;
      const hint = lookUp(functions, token.text) ? `; call it like ${token.text}(x)` : unknownNameHint();
      throw new CalculatorError(`Unknown name '${token.text}'${hint}`, token.at);
    }
    throw new CalculatorError(`Expected a number but found ${describe(token)}`, token.at);
  }

  #call(name: Token): number {
    const fn = lookUp(functions, name.text);
    if (fn === undefined)
      throw new CalculatorError(`Unknown function '${name.text}'${unknownNameHint()}`, name.at);
    this.#expect('(');
    const args: number[] = [];
    if (!this.#take(')')) {
      do args.push(this.#additive());
      while (this.#take(','));
      this.#expect(')');
    }
    const [least, most] = fn.arity;
    if (args.length < least || args.length > most) {
      const wanted =
        least === most
          ? `${least}`
          : most === Number.POSITIVE_INFINITY
            ? `at least ${least}`
            : `${least} or ${most}`;
      throw new CalculatorError(`${name.text}() takes ${wanted} argument(s), got ${args.length}`, name.at);
    }
    return fn.apply(args, name.at);
  }
}

function describe(token: Token): string {
  return token.kind === 'end' ? 'the end of the expression' : `'${token.text}'`;
}

function unknownNameHint(): string {
  return `; known functions: ${calculatorNames.functions.join(', ')}; constants: ${calculatorNames.constants.join(', ')}`;
}

/** Evaluates an arithmetic expression. Throws {@link CalculatorError} for any mistake or a non-finite result. */
export function evaluateExpression(expression: string): number {
  if (expression.length > maxLength)
    throw new CalculatorError(`The expression is longer than ${maxLength} characters`, 0);
  if (expression.trim() === '') throw new CalculatorError('The expression is empty', 0);
  const value = new Parser(tokenize(expression)).parse();
  if (!Number.isFinite(value)) throw new CalculatorError('The result is not a finite number', 0);
  return value;
}

/** Formats a result without floating-point noise (0.1 + 0.2 → 0.3) at 15 significant digits. */
export function formatNumber(value: number): string {
  const rounded = Number(value.toPrecision(15));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
