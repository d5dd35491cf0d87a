import { describe, expect, it } from 'vitest';
import type { ToolV1 } from '../../spec/v1/tool-v1.js';
import { validatedTool } from './validated-tool.js';

function recordingTool(inputSchema: Record<string, unknown>): ToolV1 & { calls: unknown[] } {
  const calls: unknown[] = [];
  return {
    name: 'read_text_file',
    description: 'Reads a file.',
    inputSchema,
    calls,
    async call(input) {
      calls.push(input);
      return { content: 'file text' };
    },
  };
}

const signal = new AbortController().signal;

describe('MCP tool input checks', () => {
  it('refuses arguments that break the input schema, naming the problem, without calling the server', async () => {
    const tool = recordingTool({
      type: 'object',
      properties: { path: { type: 'string' } },
      required: ['path'],
      additionalProperties: false,
    });
    const checked = validatedTool(tool);
    const result = await checked.call({ file: 'x' }, { signal });
    expect(result.isError).toBe(true);
    expect(result.content).toContain('Invalid arguments for read_text_file');
    expect(tool.calls).toEqual([]);
    expect(await checked.call({ path: 'notes.txt' }, { signal })).toEqual({ content: 'file text' });
    expect(tool.calls).toEqual([{ path: 'notes.txt' }]);
  });

  it('lets the server judge the input when its schema cannot be compiled', async () => {
    const tool = recordingTool({ type: 'no-such-type' });
    const result = await validatedTool(tool).call({ anything: 1 }, { signal });
    expect(result).toEqual({ content: 'file text' });
  });

  it('keeps the name, description and schema the model is offered', () => {
    const tool = recordingTool({ type: 'object' });
    const checked = validatedTool(tool);
    expect([checked.name, checked.description, checked.inputSchema]).toEqual([
      tool.name,
      tool.description,
      tool.inputSchema,
    ]);
  });
});
