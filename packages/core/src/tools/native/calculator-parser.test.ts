import { describe, expect, it } from 'vitest';
import { CalculatorError, evaluateExpression, formatNumber } from './calculator-parser.js';

describe('evaluateExpression', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 / 4', 2.5],
    ['10 % 4', 2],
    ['2 ^ 10', 1024],
    ['2 ** 3 ** 2', 512],
    ['-2 ^ 2', -4],
    ['2 ^ -1', 0.5],
    ['--3', 3],
    ['+4 - -1', 5],
    ['1.5e3 + .5', 1500.5],
    ['sqrt(16) + abs(-3)', 7],
    ['round(2.567, 2)', 2.57],
    ['round(2.5) + floor(1.9) + ceil(1.1)', 6],
    ['min(3, 1, 2) + max(3, 1, 2)', 4],
    ['log(e) + log(100, 10)', 3],
    ['exp(0) + sin(0) + cos(0) + tan(0)', 2],
    ['PI', Math.PI],
    ['  ( ( 7 ) )  ', 7],
  ])('%s = %d', (expression, expected) => {
    expect(evaluateExpression(expression)).toBeCloseTo(expected, 12);
  });

  it.each([
    ['', 'The expression is empty'],
    ['1 +', 'Expected a number but found the end of the expression (at position 4)'],
    ['2 * (3 + 4', "Expected ')' but found the end of the expression"],
    ['1 / 0', 'Division by zero (at position 3)'],
    ['5 % 0', 'Modulo by zero'],
    ['3 $ 4', "Unexpected character '$' (at position 3)"],
    ['process.exit(1)', "Unexpected character '.'"],
    ['foo + 1', "Unknown name 'foo'; known functions: sqrt, abs"],
    ['eval(1)', "Unknown function 'eval'"],
    ['sqrt', "Unknown name 'sqrt'; call it like sqrt(x)"],
    ['sqrt(-1)', 'sqrt needs a non-negative number, got -1'],
    ['log(0)', 'log needs a positive number'],
    ['sqrt(1, 2)', 'sqrt() takes 1 argument(s), got 2'],
    ['max()', 'max() takes at least 1 argument(s), got 0'],
    ['1 2', "Unexpected '2'"],
    ['10 ^ 400', 'The result is not a finite number'],
    [`${'-'.repeat(150)}1`, 'nested too deeply'],
  ])('refuses %j with a clear message', (expression, message) => {
    expect(() => evaluateExpression(expression)).toThrow(CalculatorError);
    expect(() => evaluateExpression(expression)).toThrow(message);
  });
});

describe('names come from the calculator tables, never from JavaScript prototypes', () => {
  it.each([
    ['constructor(1)', "Unknown function 'constructor'"],
    ['constructor', "Unknown name 'constructor'; known functions"],
    ['toString(1)', "Unknown function 'tostring'"],
    ['valueOf', "Unknown name 'valueof'"],
    ['hasOwnProperty(1)', "Unknown function 'hasownproperty'"],
    ['__proto__', "Unknown name '__proto__'"],
    ['__proto__(1)', "Unknown function '__proto__'"],
    ['__defineGetter__(1, 2)', "Unknown function '__definegetter__'"],
  ])('%s is an unknown name', (expression, message) => {
    expect(() => evaluateExpression(expression)).toThrow(CalculatorError);
    expect(() => evaluateExpression(expression)).toThrow(message);
  });
});

describe('formatNumber', () => {
  it('hides floating-point noise and negative zero', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(1024)).toBe('1024');
    expect(formatNumber(1 / 3)).toBe('0.333333333333333');
  });
});
