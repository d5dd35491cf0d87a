import { describe, expect, it } from 'vitest';
import type { WorkflowSpec } from '../../spec-file/schema/workflow-spec.js';
import { mcpToolIssues } from './mcp-tool-issues.js';

const spec = (optional: boolean) =>
  ({
    version: 0,
    name: 'mcp',
    runtime: { provider: 'openai', model_id: 'm' },
    tools: {
      mcp: [
        { id: 'fs', command: 'node', args: ['fs.js'] },
        { id: 'db', command: 'db-server', optional },
      ],
    },
    agents: {
      reader: { prompt: 'p', tools: ['calculator', 'fs.read_txt_file', 'fs.list_directory', 'db.query'] },
    },
    pattern: { type: 'chain', config: { steps: [{ agent: 'reader', input: 'x' }] } },
  }) as unknown as WorkflowSpec;
const locate = (pointer: string) => ({ file: 'spec.yaml', pointer, line: pointer.length, column: 3 });
const fs = {
  id: 'fs',
  target: 'node fs.js',
  tools: [
    { name: 'read_text_file', description: '' },
    { name: 'list_directory', description: '' },
  ],
};

describe('checking the MCP tools a spec names', () => {
  it("locates a named tool the server lacks at the agent's tools entry, with a did-you-mean", () => {
    const db = { id: 'db', target: 'db-server', tools: [{ name: 'query', description: '' }] };
    const found = mcpToolIssues(spec(false), [fs, db], locate);
    expect(found.warnings).toEqual([]);
    expect(found.errors).toEqual([
      {
        file: 'spec.yaml',
        pointer: '/agents/reader/tools/1',
        line: 22,
        column: 3,
        code: 'mcp',
        message: "MCP server 'fs' has no tool 'read_txt_file'",
        hint: "Did you mean 'fs.read_text_file'?",
      },
    ]);
  });

  it('reports a required server that did not start as an error at its entry, an optional one as a warning', () => {
    const db = {
      id: 'db',
      target: 'db-server',
      tools: [],
      error: "MCP server 'db' could not start: ENOENT\nmore",
    };
    const required = mcpToolIssues(spec(false), [fs, db], locate);
    expect(required.errors.map((issue) => [issue.pointer, issue.message])).toEqual([
      ['/tools/mcp/1', "MCP server 'db' could not start: ENOENT"],
      ['/agents/reader/tools/1', "MCP server 'fs' has no tool 'read_txt_file'"],
    ]);
    const optional = mcpToolIssues(spec(true), [fs, db], locate);
    expect(optional.errors.map((issue) => issue.pointer)).toEqual(['/agents/reader/tools/1']);
    expect(optional.warnings.map((issue) => issue.pointer)).toEqual(['/tools/mcp/1']);
    expect(optional.warnings[0]?.message).toContain("optional MCP server 'db' could not start");
  });
});
