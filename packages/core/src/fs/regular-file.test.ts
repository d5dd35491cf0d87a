import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileTooLargeError, NotRegularFileError, openRegularFile, readRegularFile } from './regular-file.js';

async function folder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'strands-regular-file-'));
}

describe('readRegularFile', () => {
  it('reads a regular file', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'a.txt'), 'hello');
    expect((await readRegularFile(join(dir, 'a.txt'), 100)).toString()).toBe('hello');
  });

  it('refuses a named pipe at once instead of waiting for a writer', async () => {
    const dir = await folder();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    await expect(readRegularFile(fifo, 100)).rejects.toThrow(NotRegularFileError);
    await expect(readRegularFile(fifo, 100)).rejects.toThrow('is a named pipe (FIFO), not a regular file');
  });

  it('refuses a character device such as /dev/urandom without reading it', async () => {
    await expect(readRegularFile('/dev/urandom', 100)).rejects.toThrow('is a character device');
  });

  it('refuses a directory', async () => {
    await expect(readRegularFile(await folder(), 100)).rejects.toThrow('is a directory');
  });

  it('refuses a file over the limit', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'big'), 'x'.repeat(101));
    await expect(readRegularFile(join(dir, 'big'), 100)).rejects.toThrow(FileTooLargeError);
    expect((await readRegularFile(join(dir, 'big'), 101)).length).toBe(101);
  });

  it('passes file system errors through', async () => {
    await expect(openRegularFile(join(await folder(), 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
