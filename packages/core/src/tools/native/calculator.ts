import type { ToolV1 } from '../../spec/v1/tool-v1.js';
import { messageOf, toolFailure, toolSuccess } from '../tool-result.js';
import { calculatorNames, evaluateExpression, formatNumber } from './calculator-parser.js';

/** `calculator`: evaluates an arithmetic expression with its own parser (never `eval`). */
export function createCalculatorTool(): ToolV1 {
  return {
    name: 'calculator',
    description: `Evaluate an arithmetic expression and return the number. Operators: + - * / % and ^ or ** (power), parentheses. Functions: ${calculatorNames.functions.join(', ')} (angles in radians; log(x) is natural, log(x, base) any base; round(x, digits)). Constants: ${calculatorNames.constants.join(', ')}.`,
    inputSchema: {
      type: 'object',
      properties: { expression: { type: 'string', description: 'e.g. (2 + 3) * sqrt(16) / 2^3' } },
      required: ['expression'],
    },
    async call(input) {
      if (typeof input.expression !== 'string')
        return toolFailure("Missing required 'expression' parameter (a string)");
      try {
        return toolSuccess(formatNumber(evaluateExpression(input.expression)));
      } catch (error) {
        return toolFailure(`Cannot evaluate ${JSON.stringify(input.expression)}: ${messageOf(error)}`);
      }
    },
  };
}
