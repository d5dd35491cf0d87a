import { describe, expect, it } from 'vitest';
import { toToolResult } from './tool-result.js';

describe('MCP tool results', () => {
  it('keeps text, summarises images and reads embedded resources', () => {
    const result = toToolResult({
      content: [
        { type: 'text', text: 'the meeting is on Thursday' },
        { type: 'image', mimeType: 'image/png', data: 'A'.repeat(400) },
        { type: 'resource', resource: { uri: 'file:///a.txt', text: 'resource text' } },
        { type: 'resource_link', uri: 'file:///b.txt' },
      ],
    });
    expect(result).toEqual({
      content:
        'the meeting is on Thursday\n[image image/png, 300 bytes, not shown]\nresource text\n[resource link file:///b.txt]',
    });
  });

  it('gives structured content as JSON when no block carries text', () => {
    expect(toToolResult({ content: [], structuredContent: { sum: 42 } })).toEqual({ content: '{"sum":42}' });
  });

  it('turns isError into a tool error the model sees', () => {
    expect(toToolResult({ content: [{ type: 'text', text: 'no such file' }], isError: true })).toEqual({
      content: 'no such file',
      isError: true,
    });
    expect(toToolResult({ isError: true })).toEqual({
      content: 'The tool reported an error.',
      isError: true,
    });
  });
});
