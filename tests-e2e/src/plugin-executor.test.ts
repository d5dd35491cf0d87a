/**
 * A third-party executor plugin (examples/plugin-executor-map, package `@acme/strands-executor-map`)
 * run through the built CLI: named by package name in `pattern.type`, recorded against a loopback
 * Ollama server, and replayed offline from its committed cassette.
 *
 * Set STRANDS_UPDATE_CASSETTES=1 to rewrite the example's committed cassette from the recording test.
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type OllamaServer, type RecordedRequest, startOllamaServer } from '@strands-cli/test-servers';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
const exampleDirectory = join(repositoryRoot, 'examples', 'plugin-executor-map');
const specPath = join(exampleDirectory, 'city-guides.yaml');
const cassettePath = join(exampleDirectory, 'city-guides.cassette.json');

const tips: Record<string, string> = {
  Lisbon: 'Buy a Viva Viagem card for trams and ferries. Ride tram 28 early, before the crowds.',
  Kyoto: 'Visit Fushimi Inari at sunrise to walk the gates in quiet. Rent a bicycle to get around.',
  Montreal: 'Take the metro between neighbourhoods in winter. Try a bagel from the Mile End bakeries.',
};

/** Answers like a small model would: a tip per city, then a merged note. */
function cityResponder(request: RecordedRequest) {
  const messages = (request.body as { messages?: { role: string; content: string }[] }).messages ?? [];
  const last = messages.at(-1)?.content ?? '';
  const city = /Write a travel tip for (.+)\.$/.exec(last)?.[1];
  if (city) return { kind: 'text' as const, text: tips[city] ?? `Walk around ${city}.` };
  const note = Object.entries(tips)
    .filter(([name]) => last.includes(name))
    .map(([name, tip]) => `## ${name}\n\n${tip}`)
    .join('\n\n');
  return { kind: 'text' as const, text: `# Travel notes\n\n${note}` };
}

let directory: string;
let server: OllamaServer;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'strands-plugin-e2e-'));
  server = await startOllamaServer();
  server.setResponder(cityResponder);
});
afterAll(async () => {
  await server.close();
  await rm(directory, { recursive: true, force: true });
});

describe('a third-party executor plugin through the CLI', () => {
  it('records a run against a loopback server, then replays it with no server', async () => {
    // The same spec, pointed at the loopback server instead of a local Ollama.
    const spec = (await readFile(specPath, 'utf8')).replace('http://localhost:11434', server.url);
    const localSpec = join(directory, 'city-guides.yaml');
    await writeFile(localSpec, spec);
    const recorded = join(directory, 'recorded.cassette.json');

    const live = await runCli(['run', localSpec, '--record', recorded, '--out', join(directory, 'live')], {
      cwd: repositoryRoot,
      env: { STRANDS_HTTP_ALLOW_PRIVATE: '1' },
    });
    expect(live.stderr).not.toContain('Error');
    expect(live.code).toBe(0);
    expect(server.stats().requests).toBe(4);
    await server.waitForConnectionsClosed();
    const cassette = JSON.parse(await readFile(recorded, 'utf8'));
    expect(cassette.entries.map((entry: { provider: string }) => entry.provider)).toEqual([
      'ollama',
      'ollama',
      'ollama',
      'ollama',
    ]);
    expect(live.stdout).toContain('## Kyoto');

    await server.close();
    const replay = await runCli(
      ['run', specPath, '--replay', recorded, '--out', join(directory, 'replayed')],
      {
        cwd: repositoryRoot,
      },
    );
    expect(replay.code).toBe(0);
    expect(replay.stdout).toBe(live.stdout);
    expect(await readFile(join(directory, 'replayed', 'city-guides.md'), 'utf8')).toBe(
      await readFile(join(directory, 'live', 'city-guides.md'), 'utf8'),
    );
    if (process.env.STRANDS_UPDATE_CASSETTES === '1') await copyFile(recorded, cassettePath);
  });

  it('replays the example from its committed cassette, offline', async () => {
    const out = join(directory, 'committed');
    const result = await runCli(['run', specPath, '--replay', cassettePath, '--out', out], {
      cwd: repositoryRoot,
    });
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('# Travel notes');
    expect(await readFile(join(out, 'city-guides.md'), 'utf8')).toContain('## Lisbon');
  });

  it('fails with exit 10 and shows what differs when an input changed since the recording', async () => {
    const result = await runCli(
      [
        'run',
        specPath,
        '--replay',
        cassettePath,
        '--var',
        'cities=["Lisbon","Oslo"]',
        '--out',
        join(directory, 'miss'),
      ],
      { cwd: repositoryRoot },
    );
    expect(result.code).toBe(10);
    expect(result.stderr).toContain('Nearest recorded request');
    expect(result.stderr).toContain("messages[0].content differs at character 24: recorded '");
    expect(result.stderr).toContain("vs now 'Write a travel tip for Oslo.'");
    // A failed run writes no artifact.
    await expect(readFile(join(directory, 'miss', 'city-guides.md'))).rejects.toThrow();
  });
});
