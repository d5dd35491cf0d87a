/**
 * The native tools agents can name in `agents.*.tools` and `tools.python`, by short id and by the
 * module paths strands-cli users write. Data only: the implementations load when a run needs them.
 */
export interface NativeToolEntry {
  /** Short id, also the name the model sees. */
  readonly id: string;
  /** Other spellings accepted in specs (`strands_tools.http_request`, `strands_cli.tools.calculator`). */
  readonly aliases: readonly string[];
  readonly description: string;
}

function entry(id: string, description: string, extraAliases: readonly string[] = []): NativeToolEntry {
  return { id, description, aliases: [`strands_cli.tools.${id}`, `strands_tools.${id}`, ...extraAliases] };
}

/** Every native tool this version ships. */
export const nativeToolCatalog: readonly NativeToolEntry[] = [
  entry('http_request', 'Make an HTTP request to a public URL and return status, headers and body.'),
  entry('file_read', 'Read a text file inside the working directory.'),
  entry('file_write', 'Write a text file inside the working directory (needs --allow-file-write).'),
  entry('calculator', 'Evaluate an arithmetic expression (+ - * / % ^, parentheses, common functions).'),
  entry('current_time', 'Return the current date and time in ISO 8601, optionally for a time zone.'),
  entry('spec_verify', 'Validate a workflow spec given as text; report problems with pointer, line and fix.'),
  entry('grep', 'Search a text file in the working directory for a regex, with context lines.'),
  entry('head', 'Read the first lines of a text file in the working directory.'),
  entry('tail', 'Read the last lines of a text file in the working directory.'),
  entry('search', 'Find the lines of a text file in the working directory containing a keyword.'),
  entry('python_exec', 'Run Python 3 code in a limited child process (needs --allow-code-exec).'),
  entry('web_fetch', 'Fetch a public web page; its main content as markdown, or the raw body.'),
  entry('tavily_search', 'Search the web with Tavily (needs TAVILY_API_KEY); results with relevance scores.'),
  entry('duckduckgo_search', 'Search DuckDuckGo (text or news) and return titles, URLs and snippets.'),
];

/** Finds a native tool by id or alias. */
export function findNativeTool(name: string): NativeToolEntry | undefined {
  return nativeToolCatalog.find((tool) => tool.id === name || tool.aliases.includes(name));
}
