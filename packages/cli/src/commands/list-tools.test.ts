import { nativeToolCatalog } from '@strands-cli/core';
import { describe, expect, it } from 'vitest';
import { bufferIO } from '../__fixtures__/read-only-test-io.js';
import { main } from '../main.js';

describe('strands list-tools', () => {
  it('prints every native tool with its description and aliases, and exits 0', async () => {
    const { io, stdout, stderr } = bufferIO();
    expect(await main(['list-tools'], io)).toBe(0);
    const text = stdout();
    expect(nativeToolCatalog.map((tool) => tool.id)).toEqual([
      'http_request',
      'file_read',
      'file_write',
      'calculator',
      'current_time',
      'spec_verify',
      'grep',
      'head',
      'tail',
      'search',
      'python_exec',
      'web_fetch',
      'tavily_search',
      'duckduckgo_search',
    ]);
    for (const tool of nativeToolCatalog) {
      expect(text).toMatch(
        new RegExp(`^  ${tool.id} +${tool.description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'),
      );
      expect(text).toContain(`strands_tools.${tool.id}`);
    }
    expect(text).toContain('--allow-file-write');
    expect(text).toContain('python_exec needs --allow-code-exec');
    expect(text).toContain('tavily_search needs TAVILY_API_KEY');
    for (const id of ['web_fetch', 'tavily_search', 'duckduckgo_search']) expect(text).toContain(`  ${id}  `);
    expect(text).toContain('--allow-private-network');
    expect(stderr()).toBe('');
  });
});
