// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${NAME} placeholders are what these tests are about.
import { rm } from 'node:fs/promises';
import { type OpenAIServer, reply, startOpenAIServer } from '@strands-cli/test-servers';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeMcpSpec } from './mcp-harness.js';

let model: OpenAIServer;
const directories: string[] = [];
beforeEach(async () => {
  model = await startOpenAIServer();
});
afterEach(async () => {
  await model.close();
  for (const directory of directories.splice(0)) await rm(directory, { recursive: true, force: true });
});

const env = () => ({ OPENAI_API_KEY: 'sk-e2e', OPENAI_BASE_URL: model.baseURL });

describe('unset ${NAME} placeholders in MCP entries', () => {
  it('fails before any model call when a required server header needs an unset variable', async () => {
    const { directory, file } = await writeMcpSpec(directories, 'header-server.yaml', { OPTIONAL: 'false' });
    const run = await runCli(['run', file, '--no-save-session'], { cwd: directory, env: env() });
    expect(run.code).toBe(10);
    expect(run.stderr).toContain(
      "Error: MCP server 'docs': header Authorization uses ${E2E_MCP_TOKEN}, but E2E_MCP_TOKEN is not set in the environment",
    );
    expect(run.stderr).toContain(`${file}:12:9 /tools/mcp/0/headers/Authorization`);
    expect(run.stderr).toContain('fix: Set E2E_MCP_TOKEN before the run, or mark the entry optional: true');
    expect(model.requests).toHaveLength(0);
  });

  it('only warns for an optional server, and the run goes on without it', async () => {
    const { directory, file } = await writeMcpSpec(directories, 'header-server.yaml', { OPTIONAL: 'true' });
    model.enqueue(reply.text('Nothing to read.'));
    const run = await runCli(['run', file, '--no-save-session'], { cwd: directory, env: env() });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      "Warning: MCP server 'docs': header Authorization uses ${E2E_MCP_TOKEN}, but E2E_MCP_TOKEN is not set in the environment; it is sent empty",
    );
    expect(model.requests).toHaveLength(1);
  });

  it('warns about an unset variable in a stdio server env, naming the entry and variable', async () => {
    const { directory, file } = await writeMcpSpec(directories, 'filesystem-chain.yaml');
    model.enqueue(reply.text('Read.'), reply.text('Summary.'));
    const run = await runCli(['run', file, '--no-save-session'], { cwd: directory, env: env() });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      "Warning: MCP server 'fs': env FS_TOKEN uses ${E2E_FS_TOKEN}, but E2E_FS_TOKEN is not set in the environment; the server gets it empty",
    );
    expect(run.stderr).toContain(`(${file}:13:9 /tools/mcp/0/env/FS_TOKEN)`);
  });
});
