import type { ToolV1 } from '../../../spec/v1/tool-v1.js';
import { messageOf, toolFailure, toolSuccess } from '../../tool-result.js';
import type { NativeToolContext } from '../native-tool-context.js';
import { limitOutput, numbered, readTextLines, wholeNumber } from './read-text-lines.js';

function createEndTool(context: NativeToolContext, end: 'head' | 'tail'): ToolV1 {
  const first = end === 'head';
  return {
    name: end,
    description: `Read the ${first ? 'first' : 'last'} N lines of a text file inside the working directory, with line numbers.`,
    inputSchema: {
      type: 'object',
      properties: {
        path: { type: 'string', description: 'File path relative to the working directory' },
        lines: {
          type: 'integer',
          description: `Number of lines to read from the ${first ? 'start' : 'end'} (default: 10)`,
        },
        bytes_limit: { type: 'integer', description: 'Maximum bytes of output (capped by the run limit)' },
      },
      required: ['path'],
    },
    async call(input) {
      const count = wholeNumber(input.lines, 'lines', 10, { min: 1, max: 100_000 });
      if (typeof count === 'string') return toolFailure(count);
      const outputLimit = context.limits.retrievalOutputBytes;
      const bytes = wholeNumber(input.bytes_limit, 'bytes_limit', outputLimit, { min: 1, max: outputLimit });
      if (typeof bytes === 'string') return toolFailure(bytes);
      try {
        const file = await readTextLines(context, input.path, end, first ? 'start' : 'end');
        if (!file.ok) return toolFailure(file.message);
        if (file.lines.length === 0) return toolSuccess(`File is empty: ${file.relativePath}`);
        const start = first ? 0 : Math.max(0, file.lines.length - count);
        const shown = file.lines.slice(start, start + count);
        const out = [
          `${first ? 'First' : 'Last'} ${shown.length} line(s) from ${file.relativePath}:`,
          // Only the end of a file past the scan limit was read, so its line numbers are unknown.
          ...shown.map((line, index) => (file.cut && !first ? line : numbered(start + index + 1, line))),
        ];
        if (file.cut && !first) {
          out.push(
            `\n[note: the file is longer than ${context.limits.retrievalScanBytes} bytes; only its end was read]`,
          );
        }
        return toolSuccess(context.redact(limitOutput(out.join('\n'), bytes)));
      } catch (error) {
        return toolFailure(context.redact(`${end} failed: ${messageOf(error)}`));
      }
    },
  };
}

/** `head`: the first lines of a text file inside the working directory. */
export function createHeadTool(context: NativeToolContext): ToolV1 {
  return createEndTool(context, 'head');
}

/** `tail`: the last lines of a text file inside the working directory. */
export function createTailTool(context: NativeToolContext): ToolV1 {
  return createEndTool(context, 'tail');
}
