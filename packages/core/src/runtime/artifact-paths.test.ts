import { lstat, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveArtifactPath, sanitizeFilename } from './artifact-paths.js';
import { writeArtifacts } from './write-artifacts.js';

describe('sanitizeFilename', () => {
  it('follows strands-cli HEAD', () => {
    expect(sanitizeFilename('tide pools: a survey!')).toBe('tide_pools_a_survey');
    expect(sanitizeFilename('..hidden..')).toBe('hidden');
    expect(sanitizeFilename('__a___b__')).toBe('a_b');
    expect(sanitizeFilename('///')).toBe('unnamed');
    expect(sanitizeFilename('report-v1.2.md')).toBe('report-v1.2.md');
    expect(sanitizeFilename('x'.repeat(150))).toHaveLength(100);
  });
});

describe('resolveArtifactPath', () => {
  const out = '/tmp/out';
  it('joins sanitised components under the output directory', () => {
    expect(resolveArtifactPath('./reports/My Topic.md', out, 'artifact 1')).toBe(
      '/tmp/out/reports/My_Topic.md',
    );
  });
  it('refuses absolute paths', () => {
    expect(() => resolveArtifactPath('/etc/passwd', out, 'artifact 1')).toThrow(
      "artifact 1: the path '/etc/passwd' is absolute",
    );
    expect(() => resolveArtifactPath('C:\\x.md', out, 'artifact 1')).toThrow('absolute');
  });
  it('refuses .. components', () => {
    expect(() => resolveArtifactPath('a/../../b.md', out, 'artifact 2')).toThrow(
      "leaves the output directory ('..')",
    );
  });
  it('refuses an empty path', () => {
    expect(() => resolveArtifactPath(' ./ ', out, 'artifact 3')).toThrow('renders to nothing');
  });
});

describe('writeArtifacts', () => {
  it('writes atomically, leaving no temporary files', async () => {
    const out = await mkdtemp(join(tmpdir(), 'strands-art-'));
    const written = await writeArtifacts([{ path: join(out, 'a', 'b.md'), content: 'hello' }], out, false);
    expect(written).toEqual([join(out, 'a', 'b.md')]);
    expect(await readFile(join(out, 'a', 'b.md'), 'utf8')).toBe('hello');
    expect(await readdir(join(out, 'a'))).toEqual(['b.md']);
  });

  it('checks every target before writing any', async () => {
    const out = await mkdtemp(join(tmpdir(), 'strands-art-'));
    await writeFile(join(out, 'second.md'), 'old');
    const attempt = writeArtifacts(
      [
        { path: join(out, 'first.md'), content: 'new' },
        { path: join(out, 'second.md'), content: 'new' },
      ],
      out,
      false,
    );
    await expect(attempt).rejects.toMatchObject({
      exitCode: 12,
      message: expect.stringContaining('already exists'),
    });
    expect((await readdir(out)).sort()).toEqual(['second.md']);
  });

  it('refuses a symlink target even with force', async () => {
    const out = await mkdtemp(join(tmpdir(), 'strands-art-'));
    const elsewhere = await mkdtemp(join(tmpdir(), 'strands-elsewhere-'));
    await writeFile(join(elsewhere, 'victim.md'), 'keep');
    await symlink(join(elsewhere, 'victim.md'), join(out, 'link.md'));
    await expect(writeArtifacts([{ path: join(out, 'link.md'), content: 'x' }], out, true)).rejects.toThrow(
      'symbolic link',
    );
    expect(await readFile(join(elsewhere, 'victim.md'), 'utf8')).toBe('keep');
  });

  it('refuses to write through a symlinked folder that leaves the output directory', async () => {
    const out = await mkdtemp(join(tmpdir(), 'strands-art-'));
    const elsewhere = await mkdtemp(join(tmpdir(), 'strands-elsewhere-'));
    await symlink(elsewhere, join(out, 'sub'));
    await expect(
      writeArtifacts([{ path: join(out, 'sub', 'x.md'), content: 'x' }], out, true),
    ).rejects.toThrow('outside the output directory');
    expect(await readdir(elsewhere)).toEqual([]);
  });

  it('creates the output directory', async () => {
    const base = await mkdtemp(join(tmpdir(), 'strands-art-'));
    const out = join(base, 'deep', 'out');
    await writeArtifacts([{ path: join(out, 'x.md'), content: 'x' }], out, false);
    expect((await lstat(join(out, 'x.md'))).isFile()).toBe(true);
    await mkdir(join(base, 'unused'));
  });
});
