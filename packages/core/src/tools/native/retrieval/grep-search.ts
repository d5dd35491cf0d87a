import type { ToolResultV1, ToolV1 } from '../../../spec/v1/tool-v1.js';
import { messageOf, toolFailure, toolSuccess } from '../../tool-result.js';
import type { NativeToolContext } from '../native-tool-context.js';
import { limitOutput, numbered, readTextLines, scanNote, wholeNumber } from './read-text-lines.js';

const pathProperty = { type: 'string', description: 'File path relative to the working directory' };

function compile(source: string, regex: boolean, ignoreCase: boolean): RegExp | string {
  try {
    return new RegExp(regex ? source : source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), ignoreCase ? 'i' : '');
  } catch (error) {
    return `Invalid regex pattern: ${messageOf(error)}`;
  }
}

async function scan(
  context: NativeToolContext,
  tool: 'grep' | 'search',
  input: Readonly<Record<string, unknown>>,
  render: (lines: readonly string[], matches: readonly number[], pattern: RegExp) => string[],
  options: { query: unknown; regex: boolean; ignoreCase: boolean; maxMatches: unknown; defaultMax: number },
): Promise<ToolResultV1> {
  const { query } = options;
  if (typeof query !== 'string' || query === '') {
    return toolFailure(
      tool === 'grep' ? "Missing required 'pattern' parameter" : "Missing required 'query' parameter",
    );
  }
  const max = wholeNumber(options.maxMatches, 'max_matches', options.defaultMax, { min: 1, max: 1000 });
  if (typeof max === 'string') return toolFailure(max);
  const pattern = compile(query, options.regex, options.ignoreCase);
  if (typeof pattern === 'string') return toolFailure(pattern);
  try {
    const file = await readTextLines(context, input.path, tool);
    if (!file.ok) return toolFailure(file.message);
    const matches: number[] = [];
    for (let index = 0; index < file.lines.length && matches.length < max; index += 1) {
      if (pattern.test(file.lines[index]!)) matches.push(index);
    }
    if (matches.length === 0) {
      return toolSuccess(
        `No matches found for '${query}' in ${file.relativePath}${file.cut ? scanNote(context.limits.retrievalScanBytes) : ''}`,
      );
    }
    const out = [
      `Found ${matches.length} match(es)${tool === 'search' ? ` for '${query}'` : ''} in ${file.relativePath}:`,
      ...render(file.lines, matches, pattern),
    ];
    if (matches.length >= max) out.push('', `(Showing first ${max} matches only)`);
    if (file.cut) out.push(scanNote(context.limits.retrievalScanBytes));
    return toolSuccess(context.redact(limitOutput(out.join('\n'), context.limits.retrievalOutputBytes)));
  } catch (error) {
    return toolFailure(context.redact(`${tool} failed: ${messageOf(error)}`));
  }
}

/** `grep`: the lines of a file inside the working directory that match a regex, with context lines. */
export function createGrepTool(context: NativeToolContext): ToolV1 {
  return {
    name: 'grep',
    description:
      'Search a text file inside the working directory for a regular expression and return the matching lines with context lines around them.',
    inputSchema: {
      type: 'object',
      properties: {
        pattern: { type: 'string', description: 'Regular expression to search for' },
        path: pathProperty,
        context_lines: {
          type: 'integer',
          description: 'Lines of context before and after each match (default: 3)',
        },
        ignore_case: { type: 'boolean', description: 'Case-insensitive search (default: false)' },
        max_matches: { type: 'integer', description: 'Maximum number of matches to return (default: 100)' },
      },
      required: ['pattern', 'path'],
    },
    async call(input) {
      const around = wholeNumber(input.context_lines, 'context_lines', 3, { min: 0, max: 50 });
      if (typeof around === 'string') return toolFailure(around);
      return scan(
        context,
        'grep',
        input,
        (lines, matches) =>
          matches.flatMap((match) => {
            const block = ['', `--- Match at line ${match + 1} ---`];
            const last = Math.min(lines.length - 1, match + around);
            for (let index = Math.max(0, match - around); index <= last; index += 1) {
              block.push(numbered(index + 1, lines[index]!, index === match ? '> ' : '  '));
            }
            return block;
          }),
        {
          query: input.pattern,
          regex: true,
          ignoreCase: input.ignore_case === true,
          maxMatches: input.max_matches,
          defaultMax: 100,
        },
      );
    },
  };
}

/** `search`: the lines of a file inside the working directory containing a keyword (or regex), marked. */
export function createSearchTool(context: NativeToolContext): ToolV1 {
  return {
    name: 'search',
    description:
      'Search a text file inside the working directory for a keyword (or a regex with is_regex) and return the matching lines with line numbers, matches marked >>>like this<<<.',
    inputSchema: {
      type: 'object',
      properties: {
        query: { type: 'string', description: 'Text to search for (a regex when is_regex is true)' },
        path: pathProperty,
        is_regex: { type: 'boolean', description: 'Treat query as a regular expression (default: false)' },
        ignore_case: { type: 'boolean', description: 'Case-insensitive search (default: true)' },
        max_matches: { type: 'integer', description: 'Maximum number of matches to return (default: 50)' },
      },
      required: ['query', 'path'],
    },
    call(input) {
      return scan(
        context,
        'search',
        input,
        (lines, matches, pattern) => {
          const global = new RegExp(pattern.source, `${pattern.flags}g`);
          return matches.map((match) =>
            numbered(
              match + 1,
              lines[match]!.replace(global, (found) => `>>>${found}<<<`),
            ),
          );
        },
        {
          query: input.query,
          regex: input.is_regex === true,
          ignoreCase: input.ignore_case !== false,
          maxMatches: input.max_matches,
          defaultMax: 50,
        },
      );
    },
  };
}
