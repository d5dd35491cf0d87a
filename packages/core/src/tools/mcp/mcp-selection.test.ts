import { describe, expect, it } from 'vitest';
import type { WorkflowSpec } from '../../spec-file/schema/workflow-spec.js';
import {
  agentsChooseMcpServers,
  isMcpToolId,
  mcpServersSeenBy,
  parseMcpToolId,
  selectMcpTools,
} from './mcp-selection.js';

function specWith(agents: Record<string, readonly string[] | undefined>): WorkflowSpec {
  return {
    version: 0,
    name: 'mcp',
    runtime: { provider: 'openai', model_id: 'm' },
    tools: {
      mcp: [
        { id: 'fs', command: 'node' },
        { id: 'web', url: 'https://example.com/mcp' },
      ],
    },
    agents: Object.fromEntries(
      Object.entries(agents).map(([id, tools]) => [
        id,
        { prompt: 'p', ...(tools ? { tools: [...tools] } : {}) },
      ]),
    ),
    pattern: { type: 'chain', config: {} },
  } as unknown as WorkflowSpec;
}

describe('MCP tool selection', () => {
  it('parses a server id and a server.tool id, and nothing else', () => {
    const ids = new Set(['fs', 'web']);
    expect(parseMcpToolId('fs', ids)).toEqual({ serverId: 'fs' });
    expect(parseMcpToolId('fs.read_text_file', ids)).toEqual({ serverId: 'fs', tool: 'read_text_file' });
    expect(parseMcpToolId('calculator', ids)).toBeUndefined();
    expect(parseMcpToolId('strands_tools.file_read', ids)).toBeUndefined();
    expect(parseMcpToolId('.fs', ids)).toBeUndefined();
  });

  it('gives every agent every server when no agent names one (the strands-cli rule)', () => {
    const spec = specWith({ a: ['calculator'], b: undefined });
    expect(agentsChooseMcpServers(spec)).toBe(false);
    expect(selectMcpTools(spec, ['calculator'], false)).toEqual([{ serverId: 'fs' }, { serverId: 'web' }]);
    expect(selectMcpTools(spec, [], false)).toEqual([{ serverId: 'fs' }, { serverId: 'web' }]);
  });

  it('gives each agent only what it names once one agent names a server or tool', () => {
    const spec = specWith({ a: ['fs.read_text_file', 'fs.list_directory'], b: ['web'], c: ['calculator'] });
    expect(agentsChooseMcpServers(spec)).toBe(true);
    expect(selectMcpTools(spec, ['fs.read_text_file', 'fs.list_directory'], true)).toEqual([
      { serverId: 'fs', tools: new Set(['read_text_file', 'list_directory']) },
    ]);
    expect(selectMcpTools(spec, ['web'], true)).toEqual([{ serverId: 'web' }]);
    expect(selectMcpTools(spec, ['calculator'], true)).toEqual([]);
    // Naming the server as well as one of its tools means the whole server.
    expect(selectMcpTools(spec, ['fs.read_text_file', 'fs'], true)).toEqual([{ serverId: 'fs' }]);
  });

  it('tells MCP ids from native tool ids', () => {
    const spec = specWith({ a: [] });
    expect(isMcpToolId(spec, 'web')).toBe(true);
    expect(isMcpToolId(spec, 'web.search')).toBe(true);
    expect(isMcpToolId(spec, 'http_request')).toBe(false);
  });
});

describe('what plan shows of MCP servers', () => {
  it('lists every server for every agent, or each agent its own choice', () => {
    expect(mcpServersSeenBy(specWith({ a: ['calculator'] }), ['calculator'])).toEqual(['fs', 'web']);
    const chosen = specWith({ a: ['fs.read_text_file'], b: ['calculator'] });
    expect(mcpServersSeenBy(chosen, ['fs.read_text_file'])).toEqual(['fs.read_text_file']);
    expect(mcpServersSeenBy(chosen, ['calculator'])).toEqual([]);
  });
});
