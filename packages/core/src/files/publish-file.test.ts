import { chmod, link, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { isAlreadyExists, publishFile } from './publish-file.js';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'strands-publish-'));
});

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe('publishFile', () => {
  it('replaces a file keeping its permission bits, and leaves no temporary file', async () => {
    const path = join(directory, 'secret.txt');
    await writeFile(path, 'old');
    await chmod(path, 0o600);
    await publishFile(path, 'new', 'replace');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await modeOf(path)).toBe(0o600);
    expect(await readdir(directory)).toEqual(['secret.txt']);
  });

  it('creates a new file with the umask mode when replacing nothing', async () => {
    const path = join(directory, 'fresh.txt');
    await publishFile(path, 'text', 'replace');
    await writeFile(join(directory, 'reference.txt'), 'x');
    expect(await modeOf(path)).toBe(await modeOf(join(directory, 'reference.txt')));
  });

  it('gives the path a new inode on replace: another hard link keeps the old content', async () => {
    const path = join(directory, 'a.txt');
    await writeFile(path, 'old');
    await link(path, join(directory, 'b.txt'));
    await publishFile(path, 'new', 'replace');
    expect(await readFile(join(directory, 'b.txt'), 'utf8')).toBe('old');
  });

  it('refuses, exclusively, a target that exists, and replaces nothing', async () => {
    const path = join(directory, 'out.md');
    await publishFile(path, 'first', 'exclusive');
    const error = await publishFile(path, 'second', 'exclusive').catch((caught: unknown) => caught);
    expect(isAlreadyExists(error)).toBe(true);
    expect(await readFile(path, 'utf8')).toBe('first');
    expect(await readdir(directory)).toEqual(['out.md']);
  });

  it('lets exactly one of many concurrent exclusive writers win', async () => {
    const path = join(directory, 'race.md');
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, index) => publishFile(path, `writer ${index}`, 'exclusive')),
    );
    const winners = results.flatMap((result, index) => (result.status === 'fulfilled' ? [index] : []));
    expect(winners).toHaveLength(1);
    expect(await readFile(path, 'utf8')).toBe(`writer ${winners[0]}`);
    expect(
      results.filter((result) => result.status === 'rejected' && isAlreadyExists(result.reason)),
    ).toHaveLength(7);
  });
});
