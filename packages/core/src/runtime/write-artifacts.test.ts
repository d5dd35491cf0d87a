import { chmod, mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeArtifacts } from './write-artifacts.js';

let out: string;
beforeEach(async () => {
  out = join(await mkdtemp(join(tmpdir(), 'strands-artifacts-')), 'out');
});

describe('writeArtifacts', () => {
  it('with force, replaces a file and keeps its permission bits', async () => {
    await writeArtifacts([{ path: join(out, 'a.md'), content: 'one' }], out, false);
    await chmod(join(out, 'a.md'), 0o600);
    await writeArtifacts([{ path: join(out, 'a.md'), content: 'two' }], out, true);
    expect(await readFile(join(out, 'a.md'), 'utf8')).toBe('two');
    expect((await stat(join(out, 'a.md'))).mode & 0o777).toBe(0o600);
  });

  it('without force, refuses an existing file (exit 12) and leaves it as it was', async () => {
    await writeArtifacts([{ path: join(out, 'a.md'), content: 'one' }], out, false);
    const error = await writeArtifacts([{ path: join(out, 'a.md'), content: 'two' }], out, false).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ name: 'ArtifactError', exitCode: 12 });
    expect(await readFile(join(out, 'a.md'), 'utf8')).toBe('one');
  });

  it('lets one of two writers racing into one folder win; the other fails and replaces nothing', async () => {
    // Both check the targets before either publishes (their awaits interleave), as two runs started
    // together do: only the publish itself can tell them apart.
    const runs = ['first', 'second'].map((name) =>
      writeArtifacts(
        [
          { path: join(out, 'report.md'), content: `${name} report` },
          { path: join(out, 'notes.md'), content: `${name} notes` },
        ],
        out,
        false,
      ),
    );
    const results = await Promise.allSettled(runs);
    const winners = results.flatMap((result, index) => (result.status === 'fulfilled' ? [index] : []));
    expect(winners).toHaveLength(1);
    const loser = results.find((result) => result.status === 'rejected');
    expect(loser?.status === 'rejected' && loser.reason).toMatchObject({
      name: 'ArtifactError',
      exitCode: 12,
    });
    const name = winners[0] === 0 ? 'first' : 'second';
    expect(await readFile(join(out, 'report.md'), 'utf8')).toBe(`${name} report`);
    expect(await readFile(join(out, 'notes.md'), 'utf8')).toBe(`${name} notes`);
    expect(await readdir(out)).toEqual(['notes.md', 'report.md']);
  });
});
