import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type OpenAIServer, reply, startOpenAIServer } from '@strands-cli/test-servers';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alive, mcpFixtures, startedServers, writeMcpSpec } from './mcp-harness.js';

let model: OpenAIServer;
const directories: string[] = [];
beforeEach(async () => {
  model = await startOpenAIServer();
});
afterEach(async () => {
  await model.close();
  for (const directory of directories.splice(0)) await rm(directory, { recursive: true, force: true });
});

/** The `tools/call`s the counting server received (one line each). */
const callsAt = async (log: string) =>
  (await readFile(`${log}.calls`, 'utf8').catch(() => '')).split('\n').filter((line) => line !== '');
const userText = (index: number) => JSON.stringify(model.requests[index]?.body ?? null);

async function scenario() {
  const written = await writeMcpSpec(directories, 'journaled-chain.yaml', {
    SERVER: join(mcpFixtures, 'failing-server.mjs'),
  });
  const env = {
    OPENAI_API_KEY: 'sk-e2e',
    OPENAI_BASE_URL: model.baseURL,
    STRANDS_SESSIONS_DIR: join(written.directory, 'sessions'),
  };
  const run = (args: readonly string[]) => runCli(args, { cwd: written.directory, env });
  return { ...written, run };
}

// The server process itself is still started by a resumed or replayed run: the agent is built with the
// server's tool list, which is part of the journaled request. What must not happen is a second call.
describe('MCP tool calls are journaled', () => {
  it('a resumed run answers step 1 from the journal and does not call the server again', async () => {
    const { file, log, run } = await scenario();
    model.enqueue(reply.toolCalls([{ name: 'work', input: {} }]), reply.text('The work is done.'));
    model.setResponder(() => reply.error(500, { message: 'the model is down' }));
    const failed = await run(['run', file]);
    expect(failed.code, failed.stderr).toBe(10);
    expect(await callsAt(log)).toEqual(['work']);
    const id = /strands run --resume (\S+?)`/.exec(failed.stderr)?.[1];
    expect(id).toBeDefined();

    const before = model.requests.length;
    model.setResponder(() => reply.text('Summary: done.'));
    const resumed = await run(['run', '--resume', id as string]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain('Summary: done.');
    // Only step 2 reached the model, with step 1's journaled answer; the server saw no new call.
    expect(model.requests.length - before).toBe(1);
    expect(userText(before)).toContain('The work is done.');
    expect(await callsAt(log)).toEqual(['work']);
    expect((await startedServers(log)).filter(alive)).toEqual([]);
  });

  it('a replayed cassette answers the tool call without calling the server', async () => {
    const { file, log, run } = await scenario();
    model.enqueue(
      reply.toolCalls([{ name: 'work', input: {} }]),
      reply.text('The work is done.'),
      reply.text('Summary: done.'),
    );
    const recorded = await run(['run', file, '--record', 'run.cassette.json', '--no-save-session']);
    expect(recorded.code, recorded.stderr).toBe(0);
    expect(await callsAt(log)).toEqual(['work']);
    const requests = model.requests.length;

    const replayed = await run(['run', file, '--replay', 'run.cassette.json', '--no-save-session']);
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(replayed.stdout).toBe(recorded.stdout);
    expect(model.requests.length).toBe(requests);
    expect(await callsAt(log)).toEqual(['work']);
    expect((await startedServers(log)).filter(alive)).toEqual([]);
  });
});
