import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../__fixtures__/native-context.js';
import { confinePath } from './confine-path.js';

let root = '';
let outside = '';
beforeAll(async () => {
  root = await temporaryDirectory();
  outside = await temporaryDirectory('strands-outside-');
  await writeFile(join(outside, 'secret.txt'), 'outside');
  await mkdir(join(root, 'notes'));
  await writeFile(join(root, 'notes', 'a.txt'), 'inside');
  await symlink(join(outside, 'secret.txt'), join(root, 'link-out.txt'));
  await symlink(outside, join(root, 'dir-out'));
  await symlink(join(root, 'notes', 'a.txt'), join(root, 'link-in.txt'));
});

const message = (result: Awaited<ReturnType<typeof confinePath>>) => (result.ok ? '' : result.message);

describe('confinePath', () => {
  it('resolves paths inside the root, following links that stay inside', async () => {
    expect(await confinePath(root, 'notes/a.txt', 'read')).toEqual({
      ok: true,
      path: join(root, 'notes', 'a.txt'),
      relativePath: join('notes', 'a.txt'),
    });
    expect(await confinePath(root, './link-in.txt', 'read')).toMatchObject({
      ok: true,
      path: join(root, 'notes', 'a.txt'),
    });
    expect(await confinePath(root, 'new/dir/file.txt', 'write')).toMatchObject({
      ok: true,
      path: join(root, 'new/dir/file.txt'),
    });
  });

  it.each([
    ['/etc/passwd', 'Absolute paths are not allowed'],
    ['C:\\Windows\\win.ini', 'Absolute paths are not allowed'],
    ['../secret.txt', "'..' is not allowed"],
    ['notes/../../x', "'..' is not allowed"],
    ['notes\\..\\..\\x', "'..' is not allowed"],
    ['', "Missing required 'path'"],
    ['a\0b', 'NUL'],
  ])('refuses %j before touching the disk', async (requested, expected) => {
    expect(message(await confinePath(root, requested, 'read'))).toContain(expected);
  });

  it('refuses a symbolic link that leads outside, for reading and writing', async () => {
    expect(message(await confinePath(root, 'link-out.txt', 'read'))).toContain(
      'leads outside the working directory',
    );
    expect(message(await confinePath(root, 'dir-out/secret.txt', 'read'))).toContain('leads outside');
    expect(message(await confinePath(root, 'dir-out/new.txt', 'write'))).toContain('leads outside');
    expect(message(await confinePath(root, 'link-in.txt', 'write'))).toContain('is a symbolic link');
  });

  it('says when a file does not exist or is a directory', async () => {
    expect(message(await confinePath(root, 'missing.txt', 'read'))).toBe('File not found: missing.txt');
    expect(message(await confinePath(root, 'notes', 'write'))).toBe('notes is a directory');
  });
});
