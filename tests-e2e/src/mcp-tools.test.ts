import { type ChildProcess, spawn } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type OpenAIServer, reply, startOpenAIServer } from '@strands-cli/test-servers';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alive, mcpFixtures, serverEntry, startedServers, writeMcpSpec } from './mcp-harness.js';
import { signalWhen } from './reliability-harness.js';

const fixtures = mcpFixtures;
const fsToken = 'e2e-mcp-fs-token-5b2d77';

let model: OpenAIServer;
const directories: string[] = [];
const servers: ChildProcess[] = [];
beforeEach(async () => {
  model = await startOpenAIServer();
});
afterEach(async () => {
  await model.close();
  for (const server of servers.splice(0)) server.kill('SIGKILL');
  for (const directory of directories.splice(0)) await rm(directory, { recursive: true, force: true });
});

const env = () => ({ OPENAI_API_KEY: 'sk-e2e', OPENAI_BASE_URL: model.baseURL, E2E_FS_TOKEN: fsToken });
const sentToModel = (index: number) => JSON.stringify(model.requests[index]?.body ?? null);
const writeSpec = (name: string, values: Readonly<Record<string, string>> = {}) =>
  writeMcpSpec(directories, name, values);

describe('MCP servers over stdio (server-filesystem)', () => {
  it('reads a file through read_text_file; the content reaches the next step; one shared process, none left', async () => {
    const { directory, file, log } = await writeSpec('filesystem-chain.yaml');
    model.enqueue(
      reply.toolCalls([{ name: 'read_text_file', input: { path: join(directory, 'notes.txt') } }]),
      reply.text('The notes say the meeting is on Thursday at 10.'),
    );
    const run = await runCli(['run', file, '--no-save-session'], { cwd: directory, env: env() });
    expect(run.stderr).not.toContain(fsToken);
    expect(run.code).toBe(0);
    // Request 0 offers the server's tools, request 1 carries the file, request 2 is the next step.
    const offered = JSON.stringify(model.requests[0]?.body);
    expect(offered).toContain('read_text_file');
    expect(offered).toContain('list_directory');
    expect(sentToModel(1)).toContain('the meeting is on Thursday at 10');
    expect(model.requests).toHaveLength(3);
    expect(sentToModel(2)).toContain('Thursday at 10');
    expect(JSON.stringify(model.requests[2]?.body)).toContain('read_text_file');
    const pids = await startedServers(log);
    expect(pids).toHaveLength(1);
    expect(pids.filter(alive)).toEqual([]);
  });

  it('hands arguments that break the input schema back to the model without calling the server', async () => {
    const { directory, file } = await writeSpec('filesystem-chain.yaml');
    model.enqueue(reply.toolCalls([{ name: 'read_text_file', input: { file: 'notes.txt' } }]));
    const run = await runCli(['run', file, '--no-save-session'], { cwd: directory, env: env() });
    expect(run.code).toBe(0);
    expect(sentToModel(1)).toContain('Invalid arguments for read_text_file');
    expect(sentToModel(1)).toContain('path');
  });

  it('starts no server for a run whose agents use none', async () => {
    const { directory, file, log } = await writeSpec('per-agent.yaml', { AGENT: 'other' });
    const run = await runCli(['run', file, '--no-save-session'], { cwd: directory, env: env() });
    expect(run.code).toBe(0);
    expect(await startedServers(log)).toEqual([]);
    expect(JSON.stringify(model.requests[0]?.body)).not.toContain('read_text_file');
  });

  it('gives an agent only the tool it names', async () => {
    const { directory, file, log } = await writeSpec('per-agent.yaml', { AGENT: 'reader' });
    const run = await runCli(['run', file, '--no-save-session'], { cwd: directory, env: env() });
    expect(run.code).toBe(0);
    const offered = JSON.stringify(model.requests[0]?.body);
    expect(offered).toContain('read_text_file');
    expect(offered).not.toContain('list_directory');
    expect((await startedServers(log)).filter(alive)).toEqual([]);
  });

  it('fails on a named tool the server does not have, with a did-you-mean', async () => {
    const { directory, file, log } = await writeSpec('per-agent.yaml', { AGENT: 'reader' });
    await writeFile(file, (await readFile(file, 'utf8')).replace('fs.read_text_file', 'fs.read_txt_file'));
    const run = await runCli(['run', file, '--no-save-session'], { cwd: directory, env: env() });
    expect(run.code).toBe(10);
    expect(run.stderr).toContain("MCP server 'fs' has no tool 'read_txt_file'");
    expect(run.stderr).toContain("Did you mean 'fs.read_text_file'?");
    expect(model.requests).toHaveLength(0);
    expect((await startedServers(log)).filter(alive)).toEqual([]);
  });

  it('ends the server when the run fails', async () => {
    const { directory, file, log } = await writeSpec('filesystem-chain.yaml');
    model.enqueue(reply.error(400));
    const run = await runCli(['run', file, '--no-save-session'], { cwd: directory, env: env() });
    expect(run.code).not.toBe(0);
    const pids = await startedServers(log);
    expect(pids).toHaveLength(1);
    expect(pids.filter(alive)).toEqual([]);
  });

  it('ends the server on Ctrl-C while a model request is in flight', async () => {
    const { directory, file, log } = await writeSpec('filesystem-chain.yaml');
    model.setResponder(() => reply.stall());
    const run = await runCli(['run', file, '--no-save-session'], {
      cwd: directory,
      env: env(),
      onSpawn: signalWhen('SIGINT', () => model.stats().inFlight === 1),
    });
    expect(run.code).toBe(130);
    const pids = await startedServers(log);
    expect(pids).toHaveLength(1);
    expect(pids.filter(alive)).toEqual([]);
  });

  it('ends the server when a budget stops the run', async () => {
    const { directory, file, log } = await writeSpec('filesystem-chain.yaml');
    const spec = await readFile(file, 'utf8');
    await writeFile(
      file,
      spec.replace('  model_id: gpt-4o-mini\n', '  model_id: gpt-4o-mini\n  budgets: { max_tokens: 50 }\n'),
    );
    model.enqueue(
      reply.toolCalls([{ name: 'read_text_file', input: { path: join(directory, 'notes.txt') } }], {
        usage: { input: 400, output: 20 },
      }),
    );
    const run = await runCli(['run', file, '--no-save-session'], { cwd: directory, env: env() });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('max_tokens');
    const pids = await startedServers(log);
    expect(pids).toHaveLength(1);
    expect(pids.filter(alive)).toEqual([]);
  });

  it('fails with the server id, its command and its stderr when it cannot start', async () => {
    const { directory, file } = await writeSpec('broken-server.yaml', { OPTIONAL: 'false' });
    const run = await runCli(['run', file, '--no-save-session'], { cwd: directory, env: env() });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("MCP server 'broken'");
    expect(run.stderr).toContain('node -e');
    expect(run.stderr).toContain('cannot open the database');
    expect(model.requests).toHaveLength(0);
  });

  it('warns and runs without an optional server that cannot start', async () => {
    const { directory, file } = await writeSpec('broken-server.yaml', { OPTIONAL: 'true' });
    const run = await runCli(['run', file, '--no-save-session'], { cwd: directory, env: env() });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("MCP server 'broken' (node -e");
    expect(run.stderr).toContain('(optional: running without its tools)');
    expect(model.requests).toHaveLength(1);
  });
});

describe('strands list-tools SPEC', () => {
  it("starts the spec's servers, lists their tools and stops them", async () => {
    const { directory, file, log } = await writeSpec('filesystem-chain.yaml');
    const run = await runCli(['list-tools', file], { cwd: directory, env: env() });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ {2}fs {2}\(node /m);
    expect(run.stdout).toMatch(/^ {4}read_text_file +Read/m);
    const pids = await startedServers(log);
    expect(pids).toHaveLength(1);
    expect(pids.filter(alive)).toEqual([]);
    expect(model.requests).toHaveLength(0);
  });

  it('reports a server that cannot start and exits 10', async () => {
    const { directory, file } = await writeSpec('broken-server.yaml', { OPTIONAL: 'false' });
    const run = await runCli(['list-tools', file], { cwd: directory, env: env() });
    expect(run.code).toBe(10);
    expect(run.stdout).toContain("could not start: MCP server 'broken'");
  });
});

describe('MCP servers that misbehave', () => {
  const failing = (mode: string) =>
    writeSpec('failing-server.yaml', { SERVER: join(fixtures, 'failing-server.mjs'), MODE: mode });
  const quickEnv = () => ({ ...env(), MCP_STARTUP_TIMEOUT_S: '1', MCP_CALL_TIMEOUT_S: '1' });

  it('fails naming the server when it never answers initialize, and ends it', async () => {
    const { directory, file, log } = await failing('silent');
    const run = await runCli(['run', file, '--no-save-session'], { cwd: directory, env: quickEnv() });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("MCP server 'flaky'");
    expect(run.stderr).toContain('did not answer within 1 s');
    expect(model.requests).toHaveLength(0);
    expect((await startedServers(log)).filter(alive)).toEqual([]);
  });

  it.each([
    ['crash', 'the server closed the connection'],
    ['hang', 'no answer within 1 s'],
  ])('hands a call in %s mode back to the model as a tool error', async (mode, message) => {
    const { directory, file, log } = await failing(mode);
    model.enqueue(reply.toolCalls([{ name: 'work', input: {} }]));
    const run = await runCli(['run', file, '--no-save-session'], { cwd: directory, env: quickEnv() });
    expect(run.code).toBe(0);
    expect(sentToModel(1)).toContain(message);
    // Sent once: a tool call is never retried.
    expect(model.requests).toHaveLength(2);
    expect((await startedServers(log)).filter(alive)).toEqual([]);
  });

  it('kills a server that ignores SIGTERM and the end of its input', async () => {
    const { directory, file, log } = await failing('stubborn');
    model.enqueue(reply.toolCalls([{ name: 'work', input: {} }]));
    const run = await runCli(['run', file, '--no-save-session'], { cwd: directory, env: quickEnv() });
    expect(run.code).toBe(0);
    expect(sentToModel(1)).toContain('work done');
    const pids = await startedServers(log);
    expect(pids).toHaveLength(1);
    expect(pids.filter(alive)).toEqual([]);
  });
});

/** server-everything in Streamable HTTP mode, bound to 127.0.0.1 by a preload. */
async function startEverything(): Promise<string> {
  const child = spawn(
    process.execPath,
    ['--import', join(fixtures, 'loopback-listen.mjs'), serverEntry('server-everything'), 'streamableHttp'],
    { env: { PATH: process.env.PATH ?? '', PORT: '0' }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  servers.push(child);
  return new Promise((resolve, reject) => {
    let text = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const port = /LOOPBACK_PORT (\d+)/.exec(text)?.[1];
      if (port !== undefined) resolve(`http://127.0.0.1:${port}/mcp`);
    });
    child.once('exit', (code) => reject(new Error(`server-everything exited (${code}): ${text}`)));
  });
}

describe('MCP servers over Streamable HTTP (server-everything)', () => {
  it('calls get-sum and echo on one session shared by two agents', async () => {
    const url = await startEverything();
    const { directory, file } = await writeSpec('everything-http.yaml', { URL: url });
    model.enqueue(
      reply.toolCalls([{ name: 'get-sum', input: { a: 2, b: 40 } }]),
      reply.text('The sum is 42.'),
      reply.toolCalls([{ name: 'echo', input: { message: 'forty-two' } }]),
    );
    const run = await runCli(['run', file, '--no-save-session', '--allow-private-network'], {
      cwd: directory,
      env: env(),
    });
    expect(run.code).toBe(0);
    const adderTools = JSON.stringify(model.requests[0]?.body);
    expect(adderTools).toContain('get-sum');
    expect(adderTools).not.toContain('"echo"');
    expect(sentToModel(1)).toContain('42');
    expect(sentToModel(2)).toContain('The sum is 42.');
    expect(sentToModel(3)).toContain('forty-two');
  });

  it('refuses a loopback server without --allow-private-network', async () => {
    const url = await startEverything();
    const { directory, file } = await writeSpec('everything-http.yaml', { URL: url });
    const run = await runCli(['run', file, '--no-save-session'], { cwd: directory, env: env() });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("MCP server 'everything'");
    expect(run.stderr).toContain('--allow-private-network');
    expect(model.requests).toHaveLength(0);
  });
});
