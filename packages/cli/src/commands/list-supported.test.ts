import { describe, expect, it } from 'vitest';
import { bufferIO } from '../__fixtures__/read-only-test-io.js';
import { main } from '../main.js';

describe('strands list-supported', () => {
  it('lists the seven runnable patterns, providers, tools and features', async () => {
    const { io, stdout } = bufferIO();
    expect(await main(['list-supported'], io)).toBe(0);
    const text = stdout();
    const patterns = [
      'chain',
      'workflow',
      'parallel',
      'routing',
      'graph',
      'evaluator_optimizer',
      'orchestrator_workers',
    ];
    for (const pattern of patterns) expect(text).toMatch(new RegExp(`^  ${pattern} +\\S`, 'm'));
    expect(text).not.toContain('not runnable');
    expect(text).toMatch(/^ {2}graph +A state machine/m);
    for (const provider of ['openai', 'ollama', 'bedrock', 'anthropic', 'gemini']) {
      expect(text).toMatch(new RegExp(`^  ${provider} +@strands-cli/provider-${provider}`, 'm'));
    }
    expect(text).toContain('azure_openai: accepted, not available yet');
    expect(text).toContain('Native tools: http_request');
    expect(text).toContain('✓ Human-in-the-loop steps');
  });
});
