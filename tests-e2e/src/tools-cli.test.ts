import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type OpenAIServer, reply, startOpenAIServer } from '@strands-cli/test-servers';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type OrdersApi, ordersSecret, startOrdersApi, writeFixtureSpec } from './tools-fixtures.js';

let api: OrdersApi;
let model: OpenAIServer;
const directories: string[] = [];
beforeEach(async () => {
  api = await startOrdersApi();
  model = await startOpenAIServer();
});
afterEach(async () => {
  await model.close();
  await api.close();
  for (const directory of directories.splice(0)) await rm(directory, { recursive: true, force: true });
});

/** The environment of a run against the loopback model server. */
const env = () => ({
  OPENAI_API_KEY: 'sk-e2e',
  OPENAI_BASE_URL: model.baseURL,
  E2E_ORDERS_KEY: ordersSecret,
});

/** Writes the HTTP executor fixture pointing at the order API. */
async function executorSpec(timeoutMs = 5_000): Promise<{ directory: string; file: string }> {
  const written = await writeFixtureSpec('http-executor.yaml', {
    API_ORIGIN: api.origin,
    TIMEOUT_MS: String(timeoutMs),
  });
  directories.push(written.directory);
  return written;
}

/** Everything the model server received in request `index`, as text. */
const sentToModel = (index: number) => JSON.stringify(model.requests[index]?.body ?? null);

describe('HTTP executor tools through the CLI', () => {
  it.each([[['--json']], [['--verbose']], [['--debug']]])(
    'gets the API answer into the next task; the secret reaches the header only (%j)',
    async (flags) => {
      const { directory, file } = await executorSpec();
      model.enqueue(reply.toolCalls([{ name: 'orders', input: { path: '/orders/42' } }]));
      const run = await runCli(
        ['run', file, '--allow-private-network', '--out', join(directory, 'out'), ...flags],
        {
          cwd: directory,
          env: env(),
        },
      );
      expect(run.stderr).not.toContain(ordersSecret);
      expect(run.stdout).not.toContain(ordersSecret);
      expect(run.code).toBe(0);
      expect(api.requests).toEqual([{ url: '/api/orders/42', authorization: `Bearer ${ordersSecret}` }]);
      // Request 1 carries the tool result (the API echoed the header: redacted), request 2 the next task.
      expect(model.requests).toHaveLength(3);
      expect(sentToModel(1)).toContain('EUR 99.50');
      expect(sentToModel(1)).toContain('[REDACTED]');
      expect(sentToModel(2)).toContain('EUR 99.50');
      for (const request of model.requests) expect(JSON.stringify(request)).not.toContain(ordersSecret);
      if (flags.includes('--json')) expect(JSON.parse(run.stdout)).toBeTypeOf('object');
    },
  );

  it('refuses the loopback API without the opt-in, and the model reads why', async () => {
    const { directory, file } = await executorSpec();
    model.enqueue(reply.toolCalls([{ name: 'orders', input: { path: '/orders/42' } }]));
    const run = await runCli(['run', file, '--out', join(directory, 'out')], { cwd: directory, env: env() });
    expect(run.code).toBe(0);
    expect(api.connections()).toBe(0);
    expect(sentToModel(1)).toContain('Refused to connect to 127.0.0.1');
    expect(sentToModel(1)).toContain('--allow-private-network');
    expect(`${run.stdout}${run.stderr}`).not.toContain(ordersSecret);
  });

  it('hands a timeout and a 500 back to the model as tool results', async () => {
    const { directory, file } = await executorSpec(300);
    model.enqueue(
      reply.toolCalls([{ name: 'orders', input: { path: '/slow' } }]),
      reply.toolCalls([{ name: 'orders', input: { path: '/fail' } }]),
    );
    const run = await runCli(['run', file, '--allow-private-network', '--out', join(directory, 'out')], {
      cwd: directory,
      env: env(),
    });
    expect(run.code).toBe(0);
    expect(sentToModel(1)).toContain(`HTTP request timed out after 300 ms (GET ${api.origin}/api/slow)`);
    expect(sentToModel(2)).toContain('\\"status\\":500');
    expect(sentToModel(2)).toContain('order database unavailable');
    expect(sentToModel(2)).toContain('[REDACTED]');
    for (const request of model.requests) expect(JSON.stringify(request)).not.toContain(ordersSecret);
    expect(`${run.stdout}${run.stderr}`).not.toContain(ordersSecret);
  });
});

describe('native tools through the CLI', () => {
  async function nativeSpec(): Promise<{ directory: string; file: string }> {
    const written = await writeFixtureSpec('native-tools.yaml');
    directories.push(written.directory);
    await writeFile(join(written.directory, 'notes.txt'), 'the meeting is on Thursday');
    return written;
  }

  const everyTool = () =>
    reply.toolCalls([
      { name: 'calculator', input: { expression: '(2 + 4) * 7' } },
      { name: 'current_time', input: { timezone: 'UTC' } },
      { name: 'file_read', input: { path: 'notes.txt' } },
      { name: 'file_write', input: { path: 'out/answer.txt', content: 'forty-two' } },
      { name: 'http_request', input: { url: `${api.origin}/api/orders/42` } },
    ]);

  it('runs each native tool and returns its result to the model', async () => {
    const { directory, file } = await nativeSpec();
    model.enqueue(everyTool());
    const run = await runCli(
      ['run', file, '--allow-file-write', '--allow-private-network', '--out', join(directory, 'artifacts')],
      { cwd: directory, env: env() },
    );
    expect(run.code).toBe(0);
    const toolResults = sentToModel(1);
    expect(toolResults).toContain('42');
    expect(toolResults).toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/);
    expect(toolResults).toContain('the meeting is on Thursday');
    expect(toolResults).toContain(`Wrote 9 bytes to ${join('out', 'answer.txt')}`);
    expect(toolResults).toContain('EUR 99.50');
    expect(await readFile(join(directory, 'out', 'answer.txt'), 'utf8')).toBe('forty-two');
    const tools =
      (model.requests[0]?.body as { tools?: { function: { name: string } }[] } | undefined)?.tools ?? [];
    expect(tools.map((tool) => tool.function.name).sort()).toEqual([
      'calculator',
      'current_time',
      'file_read',
      'file_write',
      'http_request',
    ]);
  });

  it('keeps file_write off without --allow-file-write, and http_request off loopback without the opt-in', async () => {
    const { directory, file } = await nativeSpec();
    await mkdir(join(directory, 'out'));
    model.enqueue(everyTool());
    const run = await runCli(['run', file, '--out', join(directory, 'artifacts')], {
      cwd: directory,
      env: env(),
    });
    expect(run.code).toBe(0);
    expect(sentToModel(1)).toContain('--allow-file-write');
    expect(sentToModel(1)).toContain('Refused to connect to 127.0.0.1');
    await expect(readFile(join(directory, 'out', 'answer.txt'), 'utf8')).rejects.toThrow(/ENOENT/);
    expect(api.connections()).toBe(0);
  });
});
