/**
 * `strands init` → `strands run --record` against a loopback OpenAI server → `strands run --replay`
 * with no server and no API key: the newcomer's path, through the built CLI.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OpenAIServer, startOpenAIServer } from '@strands-cli/test-servers';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { afterAll, beforeAll, expect, it } from 'vitest';

const apiKey = 'sk-e2e-secret-0123456789abcdef';

let directory: string;
let server: OpenAIServer;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'strands-record-replay-e2e-'));
  server = await startOpenAIServer();
});
afterAll(async () => {
  await server.close();
  await rm(directory, { recursive: true, force: true });
});

it('replays a recorded openai chain offline, without the API key, streamed or not', async () => {
  const init = await runCli(['init', 'flow.yaml', '--pattern', 'chain', '--provider', 'openai'], {
    cwd: directory,
  });
  expect(init.code).toBe(0);
  const spec = join(directory, 'flow.yaml');
  // Point the starter spec at the loopback server.
  const text = await readFile(spec, 'utf8');
  await writeFile(
    spec,
    text.replace('  model_id: gpt-4o-mini\n', `  model_id: gpt-4o-mini\n  host: ${server.baseURL}\n`),
  );

  const recorded = await runCli(
    ['run', 'flow.yaml', '--record', 'flow.cassette.json', '--stream', '--out', 'live'],
    {
      cwd: directory,
      env: { OPENAI_API_KEY: apiKey, STRANDS_HTTP_ALLOW_PRIVATE: '1' },
    },
  );
  expect(recorded.stderr).toContain('Recorded 2 model call(s) to flow.cassette.json');
  expect(recorded.code).toBe(0);
  expect(server.requests).toHaveLength(2);
  expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${apiKey}`);
  const cassette = await readFile(join(directory, 'flow.cassette.json'), 'utf8');
  expect(cassette).not.toContain(apiKey);
  expect(cassette).not.toContain(server.baseURL);
  expect(JSON.parse(cassette).entries.map((entry: { kind: string }) => entry.kind)).toEqual([
    'stream',
    'stream',
  ]);
  await server.close();

  for (const extra of [[], ['--stream']]) {
    const replayed = await runCli(
      ['run', 'flow.yaml', '--replay', 'flow.cassette.json', '--out', 'replayed', '--force', ...extra],
      {
        cwd: directory,
      },
    );
    expect(replayed.stderr).not.toMatch(/Error/);
    expect(replayed.code).toBe(0);
    expect(replayed.stdout).toBe(recorded.stdout);
    expect(await readFile(join(directory, 'replayed', 'summary.md'), 'utf8')).toBe(
      await readFile(join(directory, 'live', 'summary.md'), 'utf8'),
    );
  }
});
