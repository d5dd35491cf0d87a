// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${NAME} placeholders are what these entries are about.
import { describe, expect, it } from 'vitest';
import {
  inheritedMcpVariables,
  mcpCallTimeoutMs,
  mcpStartupTimeoutMs,
  resolveMcpServer,
} from './mcp-server-configs.js';

const env = {
  PATH: '/usr/bin',
  HOME: '/home/u',
  OPENAI_API_KEY: 'sk-run-secret',
  GITHUB_TOKEN: 'ghp-declared',
  BASH_FUNC: '() { :; }',
};
const variables = new Map([['GH', 'GITHUB_TOKEN']]);

describe('MCP server entries', () => {
  it('gives a stdio server the allowlisted variables plus its own env, never the rest of ours', () => {
    const resolved = resolveMcpServer(
      { id: 'fs', command: 'node', args: ['server.js'], env: { TOKEN: '${GH}', LEVEL: 'info' }, cwd: '/srv' },
      variables,
      env,
    );
    expect(resolved.config).toEqual({
      id: 'fs',
      transport: 'stdio',
      command: 'node',
      args: ['server.js'],
      env: { PATH: '/usr/bin', HOME: '/home/u', TOKEN: 'ghp-declared', LEVEL: 'info' },
      cwd: '/srv',
    });
    expect(JSON.stringify(resolved.config)).not.toContain('sk-run-secret');
    expect(resolved.secrets).toEqual(['ghp-declared']);
    expect(resolved.optional).toBe(false);
    expect(inheritedMcpVariables).toContain('PATH');
  });

  it('fills header placeholders of an HTTP server and reports unset ones', () => {
    const resolved = resolveMcpServer(
      {
        id: 'web',
        url: 'https://mcp.example.com/mcp',
        headers: { Authorization: 'Bearer ${MISSING}' },
        optional: true,
      },
      variables,
      env,
    );
    expect(resolved.config).toEqual({
      id: 'web',
      transport: 'http',
      url: 'https://mcp.example.com/mcp',
      headers: { Authorization: 'Bearer ' },
    });
    // The unset variable is named by toolSetupFindings (validate and before a run), not here.
    expect(resolved.secrets).toEqual([]);
    expect(resolved.optional).toBe(true);
  });

  it('reads the start-up and call timeouts from the environment, with defaults', () => {
    expect(mcpStartupTimeoutMs({})).toBe(30_000);
    expect(mcpStartupTimeoutMs({ MCP_STARTUP_TIMEOUT_S: '2.5' })).toBe(2_500);
    expect(mcpStartupTimeoutMs({ MCP_STARTUP_TIMEOUT_S: 'soon' })).toBe(30_000);
    expect(mcpCallTimeoutMs({})).toBe(120_000);
    expect(mcpCallTimeoutMs({ MCP_CALL_TIMEOUT_S: '5' })).toBe(5_000);
  });
});
