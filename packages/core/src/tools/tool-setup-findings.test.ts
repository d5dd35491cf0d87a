// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${NAME} placeholders are what these tests are about.
import { describe, expect, it } from 'vitest';
import type { WorkflowSpec } from '../spec-file/schema/workflow-spec.js';
import { toolSetupFindings } from './tool-setup-findings.js';

const spec = (tools: unknown, agentTools: string[] = [], optional = false) =>
  ({
    version: 0,
    name: 'findings',
    runtime: { provider: 'openai', model_id: 'm' },
    env: { secrets: [{ source: 'env', key: 'DOCS_KEY', name: 'DOCS_TOKEN' }] },
    tools: {
      ...(tools as object),
      mcp: [
        { id: 'fs', command: 'node', env: { FS_TOKEN: '${FS_TOKEN}', PLAIN: 'x' } },
        {
          id: 'docs',
          url: 'https://docs.example.com/mcp',
          headers: { Authorization: 'Bearer ${DOCS_TOKEN}' },
          optional,
        },
      ],
    },
    agents: { a: { prompt: 'p', tools: agentTools } },
    pattern: { type: 'chain', config: { steps: [{ agent: 'a', input: 'x' }] } },
  }) as unknown as WorkflowSpec;

describe('tool setup findings', () => {
  it('names the entry and the variable of every unset placeholder in MCP env and headers', () => {
    const findings = toolSetupFindings(spec({}), {});
    expect(findings).toEqual([
      {
        severity: 'warning',
        pointer: '/tools/mcp/0/env/FS_TOKEN',
        message:
          "MCP server 'fs': env FS_TOKEN uses ${FS_TOKEN}, but FS_TOKEN is not set in the environment; the server gets it empty",
        hint: 'Set FS_TOKEN before the run.',
      },
      {
        severity: 'error',
        pointer: '/tools/mcp/1/headers/Authorization',
        message:
          "MCP server 'docs': header Authorization uses ${DOCS_TOKEN}, but DOCS_KEY is not set in the environment",
        hint: 'Set DOCS_KEY before the run, or mark the entry optional: true to run without the server.',
      },
    ]);
    expect(toolSetupFindings(spec({}), { FS_TOKEN: 'a', DOCS_KEY: 'b' })).toEqual([]);
  });

  it('only warns about the header of an optional server, or of a server no agent uses', () => {
    const optional = toolSetupFindings(spec({}, [], true), { FS_TOKEN: 'a' });
    expect(optional.map((finding) => finding.severity)).toEqual(['warning']);
    expect(optional[0]?.message).toContain('; it is sent empty');
    // Naming `fs` switches to per-agent choice, so `docs` is used by nobody.
    const unused = toolSetupFindings(spec({}, ['fs']), { FS_TOKEN: 'a' });
    expect(unused.map((finding) => finding.severity)).toEqual(['warning']);
  });

  it('warns about HTTP executor headers and tavily_search without its key, in the same list', () => {
    const executors = {
      http_executors: [
        { id: 'orders', base_url: 'https://o.example.com', headers: { 'X-Key': '${ORDERS}' } },
      ],
    };
    const findings = toolSetupFindings(spec(executors, ['tavily_search']), { FS_TOKEN: 'a', DOCS_KEY: 'b' });
    expect(findings.map((finding) => [finding.pointer, finding.message])).toEqual([
      [
        '/tools/http_executors/0/headers/X-Key',
        "HTTP executor 'orders': header X-Key uses ${ORDERS}, but ORDERS is not set in the environment; it is sent empty",
      ],
      ['/agents/a/tools/0', 'tavily_search is used, but TAVILY_API_KEY is not set: every search will fail.'],
    ]);
    expect(
      toolSetupFindings(spec({}, ['tavily_search']), { FS_TOKEN: 'a', DOCS_KEY: 'b', TAVILY_API_KEY: 'k' }),
    ).toEqual([]);
  });
});
