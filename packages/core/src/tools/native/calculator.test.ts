import { describe, expect, it } from 'vitest';
import { signal } from '../__fixtures__/native-context.js';
import { createCalculatorTool } from './calculator.js';

describe('calculator tool', () => {
  const tool = createCalculatorTool();

  it('returns the formatted result', async () => {
    expect(await tool.call({ expression: '(2 + 3) * sqrt(16) / 2^3' }, signal())).toEqual({ content: '2.5' });
  });

  it('returns mistakes as error results naming the expression', async () => {
    expect(await tool.call({ expression: '1 / 0' }, signal())).toEqual({
      content: 'Cannot evaluate "1 / 0": Division by zero (at position 3)',
      isError: true,
    });
    expect(await tool.call({}, signal())).toMatchObject({
      isError: true,
      content: expect.stringContaining("'expression'"),
    });
  });
});
