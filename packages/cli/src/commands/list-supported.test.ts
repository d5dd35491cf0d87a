import { describe, expect, it } from 'vitest';
import { bufferIO } from '../__fixtures__/read-only-test-io.js';
import { main } from '../main.js';

describe('strands list-supported', () => {
  it('lists the runnable patterns, the planned ones, providers, tools and features', async () => {
    const { io, stdout } = bufferIO();
    expect(await main(['list-supported'], io)).toBe(0);
    const text = stdout();
    for (const pattern of ['chain', 'workflow', 'parallel', 'routing']) {
      expect(text).toMatch(new RegExp(`^  ${pattern} +\\S`, 'm'));
    }
    expect(text).toContain('Accepted but not runnable yet');
    expect(text).toMatch(/^ {2}graph +A state machine/m);
    expect(text).toContain('@strands-cli/provider-openai');
    expect(text).toContain('anthropic, gemini, azure_openai: accepted, not available yet');
    expect(text).toContain('Native tools: http_request');
    expect(text).toContain('✓ Human-in-the-loop steps');
  });
});
