import { describe, expect, it } from 'vitest';
import { bufferIO, readOnlyFixture } from '../__fixtures__/read-only-test-io.js';
import { main } from '../main.js';

describe('strands plan', () => {
  it('shows runtime, agents with their effective provider and model, and the pattern (md)', async () => {
    const { io, stdout } = bufferIO();
    expect(await main(['plan', readOnlyFixture('brief.yaml'), '--var', 'topic=tides'], io)).toBe(0);
    const text = stdout();
    expect(text).toContain('# Plan: brief');
    expect(text).toContain('- **provider:** openai');
    expect(text).toContain('| researcher | openai | small-model | http_request | - |');
    expect(text).toContain('| writer | openai | big-model | - | temperature=0.4 |');
    expect(text).toContain('## Pattern: chain');
    expect(text).toContain('- 2. writer ← after 1. researcher');
    expect(text).toContain('| topic | string | yes | tides |');
    expect(text).toContain('| words | integer | no | 300 |');
    expect(text).toContain('✓ Yes: every feature it uses is supported.');
  });

  it('prints one JSON document with --format json', async () => {
    const { io, stdout } = bufferIO();
    expect(await main(['plan', readOnlyFixture('brief.yaml'), '--format', 'json'], io)).toBe(0);
    const plan = JSON.parse(stdout());
    expect(plan).toMatchObject({
      name: 'brief',
      version: 0,
      supported: true,
      runtime: { provider: 'openai', model_id: 'small-model', max_parallel: 2 },
      pattern: { type: 'chain' },
      artifacts: ['brief.md'],
    });
    expect(plan.agents.map((agent: { id: string; model: string }) => `${agent.id}:${agent.model}`)).toEqual([
      'researcher:small-model',
      'writer:big-model',
    ]);
  });

  it('shows which MCP servers each agent sees, and that the spec can run', async () => {
    const chosen = bufferIO();
    expect(await main(['plan', readOnlyFixture('mcp-servers.yaml')], chosen.io)).toBe(0);
    expect(chosen.stdout()).toContain(
      '| reader | openai | small-model | fs.read_text_file, calculator | - |',
    );
    expect(chosen.stdout()).toContain('| helper | openai | small-model | - | - |');
    expect(chosen.stdout()).toContain('✓ Yes: every feature it uses is supported.');
    const implicit = bufferIO();
    expect(await main(['plan', readOnlyFixture('mcp-implicit.yaml'), '--format', 'json'], implicit.io)).toBe(
      0,
    );
    expect(JSON.parse(implicit.stdout()).agents[0]).toMatchObject({ id: 'helper', tools: [], mcp: ['fs'] });
    const markdown = bufferIO();
    expect(await main(['plan', readOnlyFixture('mcp-implicit.yaml')], markdown.io)).toBe(0);
    expect(markdown.stdout()).toContain('| helper | openai | small-model | fs (MCP) | - |');
  });

  it('shows the tools an agent without a list gets (tools.python, HTTP executors) and the retrieval tools', async () => {
    const { io, stdout } = bufferIO();
    expect(await main(['plan', readOnlyFixture('implied-tools.yaml'), '--format', 'json'], io)).toBe(0);
    const agents = JSON.parse(stdout()).agents as { id: string; tools: string[] }[];
    expect(agents.find((agent) => agent.id === 'searcher')?.tools).toEqual([
      'strands_tools.tavily_search',
      'weather',
      'grep',
    ]);
    expect(agents.find((agent) => agent.id === 'writer')?.tools).toEqual(['grep']);
  });

  it("shows the max_tokens a provider sends when the spec sets none (Anthropic's API requires one)", async () => {
    const { io, stdout } = bufferIO();
    expect(await main(['plan', readOnlyFixture('claude.yaml')], io)).toBe(0);
    const text = stdout();
    expect(text).toContain(
      '| drafter | anthropic | claude-sonnet-4-20250514 (provider default) | - | max_tokens=1024 (provider default) |',
    );
    expect(text).toContain(
      '| editor | anthropic | claude-sonnet-4-20250514 (provider default) | - | max_tokens=300 |',
    );
  });

  it('draws the DAG as a Mermaid flowchart', async () => {
    const { io, stdout } = bufferIO();
    expect(await main(['plan', readOnlyFixture('dag.yaml'), '--format', 'mermaid'], io)).toBe(0);
    expect(stdout()).toBe(
      [
        'flowchart TD',
        '  n0["collect (worker)"]',
        '  n1["check (worker)"]',
        '  n2["report (worker)"]',
        '  n0 --> n1',
        '  n0 --> n2',
        '  n1 --> n2',
        '',
      ].join('\n'),
    );
  });

  it('says what cannot run yet but still exits 0', async () => {
    const { io, stdout } = bufferIO();
    expect(await main(['plan', readOnlyFixture('later.yaml')], io)).toBe(0);
    expect(stdout()).toContain('⚠ Not yet: it uses 1 unsupported feature.');
    expect(stdout()).toContain('- /security/guardrails: Security guardrails');
    expect(stdout()).toContain('- 2. human review ← after 1. writer');
  });

  it('exits 3 when the spec does not load and 2 for an unknown format', async () => {
    expect(await main(['plan', readOnlyFixture('mistakes.yaml')], bufferIO().io)).toBe(3);
    expect(await main(['plan', readOnlyFixture('brief.yaml'), '--format', 'html'], bufferIO().io)).toBe(2);
  });
});
