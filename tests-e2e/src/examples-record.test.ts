/**
 * Records every example against the loopback model servers, with a scripted model that answers like a
 * real one (tests-e2e/src/example-scripts), then replays the recording with no server: the same result
 * and the same artifacts. It also checks that each committed cassette still matches its spec and script.
 *
 * Re-record the committed cassettes (after changing an example or its script):
 *   STRANDS_UPDATE_CASSETTES=1 pnpm --filter @strands-cli/tests-e2e exec vitest run src/examples-record.test.ts
 */
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleScripts } from './example-scripts/index.js';
import { artifactsIn, exampleCassette, recordExample, replayExample } from './examples-harness.js';

const update = process.env.STRANDS_UPDATE_CASSETTES === '1';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'strands-examples-record-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

// `$name.yaml` would read the property path `name.yaml` (undefined), so the title takes the name by position:
// then `-t <name>` selects one example.
describe.each(exampleScripts.map((script) => [script.name, script] as const))(
  'examples/%s.yaml',
  (_name, script) => {
    it('records a live run, replays it identically, and its committed cassette is current', async () => {
      const cassette = join(directory, `${script.name}.cassette.json`);
      const live = join(directory, script.name, 'live');
      const recorded = await recordExample(script, cassette, live);
      expect(recorded.stderr).not.toContain('Error');
      expect(recorded.code).toBe(0);
      const calls = Object.values(recorded.requests).reduce((sum, count) => sum + count, 0);
      expect(calls).toBe(script.modelCalls);
      expect(recorded.stdout).toContain(script.resultContains);
      const liveArtifacts = await artifactsIn(live);
      expect(Object.keys(liveArtifacts)).toEqual([...script.artifacts].sort());

      const text = await readFile(cassette, 'utf8');
      // The fake credentials of the recording never reach the file.
      expect(text).not.toMatch(/sk-e2e|e2e-secret|AKIDE2E/);
      expect(JSON.parse(text).entries).toHaveLength(script.modelCalls);

      // Every tool result is recorded, so the replays below need no local API.
      expect(JSON.parse(text).tools).toHaveLength(script.toolCalls ?? 0);

      const replayed = join(directory, script.name, 'replayed');
      const replay = await replayExample(script.name, cassette, replayed, { home: directory });
      expect(replay.stderr).not.toContain('Error');
      expect(replay.code).toBe(0);
      expect(replay.stdout).toBe(recorded.stdout);
      expect(await artifactsIn(replayed)).toEqual(liveArtifacts);

      if (update) await copyFile(cassette, exampleCassette(script.name));
      // The committed cassette answers today's spec with today's script.
      const committed = join(directory, script.name, 'committed');
      const fromCommitted = await replayExample(script.name, exampleCassette(script.name), committed, {
        home: directory,
      });
      expect(fromCommitted.stderr, 're-record with STRANDS_UPDATE_CASSETTES=1').not.toContain('Error');
      expect(fromCommitted.stdout).toBe(recorded.stdout);
      expect(await artifactsIn(committed)).toEqual(liveArtifacts);
    });
  },
);
