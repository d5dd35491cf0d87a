import type { ToolV1 } from '../../spec/v1/tool-v1.js';
import { createCalculatorTool } from './calculator.js';
import { createCurrentTimeTool } from './current-time.js';
import { createFileReadTool } from './file-read.js';
import { createFileWriteTool } from './file-write.js';
import { createHttpRequestTool } from './http-request.js';
import type { NativeToolContext } from './native-tool-context.js';
import { createPythonExecTool } from './python-exec/python-exec.js';
import { createGrepTool, createSearchTool } from './retrieval/grep-search.js';
import { createHeadTool, createTailTool } from './retrieval/head-tail.js';
import { createSpecVerifyTool } from './spec-verify/spec-verify.js';
import { createDuckDuckGoSearchTool } from './web/duckduckgo-search.js';
import { createTavilySearchTool } from './web/tavily-search.js';
import { createWebFetchTool } from './web/web-fetch.js';

const factories: Readonly<Record<string, (context: NativeToolContext) => ToolV1>> = {
  http_request: createHttpRequestTool,
  file_read: createFileReadTool,
  file_write: createFileWriteTool,
  calculator: createCalculatorTool,
  current_time: createCurrentTimeTool,
  spec_verify: createSpecVerifyTool,
  grep: createGrepTool,
  head: createHeadTool,
  tail: createTailTool,
  search: createSearchTool,
  python_exec: createPythonExecTool,
  web_fetch: createWebFetchTool,
  tavily_search: createTavilySearchTool,
  duckduckgo_search: createDuckDuckGoSearchTool,
};

/** Builds the native tool with this catalog id, or undefined when there is no such tool. */
export function createNativeTool(id: string, context: NativeToolContext): ToolV1 | undefined {
  return Object.hasOwn(factories, id) ? factories[id]!(context) : undefined;
}
