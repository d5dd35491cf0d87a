import { compileSchema } from '../../runtime/contracts/json-schema-check.js';
import type { ToolV1 } from '../../spec/v1/tool-v1.js';

/**
 * Checks a tool call's arguments against the tool's input schema before the server sees them, so the
 * model gets a precise error (pointer and reason) to correct instead of whatever the server makes of
 * bad input. A schema Ajv cannot compile is not the model's fault: the call then goes through unchecked
 * and the server judges the input.
 */
export function validatedTool(tool: ToolV1): ToolV1 {
  let check: ReturnType<typeof compileSchema> | undefined;
  return {
    name: tool.name,
    description: tool.description,
    inputSchema: tool.inputSchema,
    async call(input, options) {
      check ??= compileSchema({ ...tool.inputSchema });
      const verdict = await check.then(
        (compiled) => compiled(input),
        () => undefined,
      );
      if (verdict !== undefined) {
        const where = verdict.pointer === '' ? 'the input' : `input${verdict.pointer}`;
        return {
          content: `Invalid arguments for ${tool.name}: ${where} ${verdict.message}. Fix the arguments to match the tool's input schema and call it again.`,
          isError: true,
        };
      }
      return tool.call(input, options);
    },
  };
}
