import { mkdir, mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write.js';

describe('writeFileAtomic', () => {
  it('replaces the file with a private one and leaves no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'strands-atomic-'));
    await writeFileAtomic(join(dir, 'a.json'), 'one');
    await writeFileAtomic(join(dir, 'a.json'), 'two');
    expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe('two');
    expect((await stat(join(dir, 'a.json'))).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('leaves no temporary file when the rename fails', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'strands-atomic-'));
    await mkdir(join(dir, 'taken'));
    await mkdir(join(dir, 'taken', 'child'));
    await expect(writeFileAtomic(join(dir, 'taken'), 'x')).rejects.toMatchObject({
      code: expect.any(String),
    });
    expect(await readdir(dir)).toEqual(['taken']);
  });
});
