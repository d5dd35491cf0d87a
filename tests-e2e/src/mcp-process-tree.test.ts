import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type OpenAIServer, reply, startOpenAIServer } from '@strands-cli/test-servers';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alive, startedServers, writeMcpSpec } from './mcp-harness.js';
import { signalWhen } from './reliability-harness.js';

let model: OpenAIServer;
const directories: string[] = [];
const logs: string[] = [];
beforeEach(async () => {
  model = await startOpenAIServer();
});
afterEach(async () => {
  await model.close();
  // A failed assertion must not leave its server running for the tests after it.
  for (const log of logs.splice(0)) {
    for (const pid of (await startedServers(log)).filter(alive)) process.kill(pid, 'SIGKILL');
  }
  for (const directory of directories.splice(0)) await rm(directory, { recursive: true, force: true });
});

const env = () => ({ OPENAI_API_KEY: 'sk-e2e', OPENAI_BASE_URL: model.baseURL });

/** The fixture spec; its log is kept so that afterEach can end what a failed test left running. */
async function launchedSpec() {
  const written = await writeMcpSpec(directories, 'launched-server.yaml');
  logs.push(written.log);
  return written;
}

/** The launcher's pid and the server's: a run through the launcher starts both. */
const launched = (log: string) => startedServers(log);

describe('a stdio server started through a launcher that does not pass SIGTERM on', () => {
  it('leaves neither the launcher nor the server running after a successful run', async () => {
    const { directory, file, log } = await launchedSpec();
    model.enqueue(
      reply.toolCalls([{ name: 'read_text_file', input: { path: join(directory, 'notes.txt') } }]),
      reply.text('Thursday at 10.'),
    );
    const run = await runCli(['run', file, '--no-save-session'], { cwd: directory, env: env() });
    expect(run.code).toBe(0);
    expect(JSON.stringify(model.requests[1]?.body)).toContain('the meeting is on Thursday at 10');
    const pids = await launched(log);
    expect(pids).toHaveLength(2);
    expect(pids.filter(alive)).toEqual([]);
  });

  it('leaves neither running after Ctrl-C', async () => {
    const { directory, file, log } = await launchedSpec();
    model.setResponder(() => reply.stall());
    const run = await runCli(['run', file, '--no-save-session'], {
      cwd: directory,
      env: env(),
      onSpawn: signalWhen('SIGINT', () => model.stats().inFlight === 1),
    });
    expect(run.code).toBe(130);
    const pids = await launched(log);
    expect(pids).toHaveLength(2);
    expect(pids.filter(alive)).toEqual([]);
  });
});
