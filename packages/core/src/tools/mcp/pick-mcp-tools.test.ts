import { describe, expect, it } from 'vitest';
import { RuntimeFailure } from '../../spec/v1/errors.js';
import type { ToolV1 } from '../../spec/v1/tool-v1.js';
import { pickMcpTools } from './pick-mcp-tools.js';

const tool = (name: string): ToolV1 => ({
  name,
  description: name,
  inputSchema: { type: 'object' },
  call: async () => ({ content: name }),
});
const names = (tools: readonly ToolV1[]) => tools.map((entry) => entry.name);

describe("picking an agent's MCP tools", () => {
  it('gives every tool of a server, or only the named ones', () => {
    const tools = [tool('read_text_file'), tool('list_directory')];
    expect(names(pickMcpTools([{ selection: { serverId: 'fs' }, tools, skipped: false }]))).toEqual([
      'read_text_file',
      'list_directory',
    ]);
    const named = { serverId: 'fs', tools: new Set(['list_directory']) };
    expect(names(pickMcpTools([{ selection: named, tools, skipped: false }]))).toEqual(['list_directory']);
  });

  it('fails on a named tool the server does not have, suggesting the closest one', () => {
    const selection = { serverId: 'fs', tools: new Set(['read_txt_file']) };
    const pick = () => pickMcpTools([{ selection, tools: [tool('read_text_file')], skipped: false }]);
    expect(pick).toThrow(RuntimeFailure);
    expect(pick).toThrow("MCP server 'fs' has no tool 'read_txt_file'");
    try {
      pick();
    } catch (error) {
      expect((error as RuntimeFailure).hint).toContain("Did you mean 'fs.read_text_file'?");
    }
  });

  it('does not fail for the named tools of an optional server that did not start', () => {
    const selection = { serverId: 'web', tools: new Set(['search']) };
    expect(pickMcpTools([{ selection, tools: [], skipped: true }])).toEqual([]);
  });

  it('fails when two servers offer the same tool name', () => {
    const servers = [
      { selection: { serverId: 'a' }, tools: [tool('search')], skipped: false },
      { selection: { serverId: 'b' }, tools: [tool('search')], skipped: false },
    ];
    expect(() => pickMcpTools(servers)).toThrow("MCP servers 'a' and 'b' both offer a tool named 'search'");
  });
});
