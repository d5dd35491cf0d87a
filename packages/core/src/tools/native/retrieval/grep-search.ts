import { createRequire } from 'node:module';
import type { ToolResultV1, ToolV1 } from '../../../spec/v1/tool-v1.js';
import { messageOf, toolFailure, toolSuccess } from '../../tool-result.js';
import type { NativeToolContext } from '../native-tool-context.js';
import { limitOutput, numbered, readTextLines, scanNote, wholeNumber } from './read-text-lines.js';

const pathProperty = { type: 'string', description: 'File path relative to the working directory' };

/** A compiled search pattern: whether a line matches, and the line with each match marked. */
interface LinePattern {
  test(line: string): boolean;
  highlight(line: string): string;
}

type RE2JSModule = typeof import('re2js');
let engine: RE2JSModule | undefined;

/**
 * Compiles the model's pattern with the linear-time engine templates use (re2js, loaded on first use):
 * JavaScript's backtracking RegExp can spin for hours on a pattern like `^(a+)+$`, inside one call that
 * no timer or signal can interrupt.
 */
function compile(source: string, regex: boolean, ignoreCase: boolean): LinePattern | string {
  engine ??= createRequire(import.meta.url)('re2js') as RE2JSModule;
  const { RE2JS } = engine;
  let compiled: InstanceType<RE2JSModule['RE2JS']>;
  try {
    compiled = RE2JS.compile(regex ? source : RE2JS.quote(source), ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (error) {
    return `Invalid regex pattern (RE2 syntax: no backreferences or lookaround): ${messageOf(error)}`;
  }
  return {
    test: (line) => compiled.matcher(line).find(),
    highlight: (line) => {
      const matcher = compiled.matcher(line);
      let marked = '';
      let last = 0;
      while (matcher.find()) {
        marked += `${line.slice(last, matcher.start())}>>>${matcher.group() ?? ''}<<<`;
        last = matcher.end();
        // An empty match would find the same place forever.
        if (matcher.end() === matcher.start()) break;
      }
      return marked + line.slice(last);
    },
  };
}

async function scan(
  context: NativeToolContext,
  tool: 'grep' | 'search',
  input: Readonly<Record<string, unknown>>,
  render: (lines: readonly string[], matches: readonly number[], pattern: LinePattern) => string[],
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
        (lines, matches, pattern) =>
          matches.map((match) => numbered(match + 1, pattern.highlight(lines[match]!))),
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
