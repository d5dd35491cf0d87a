import { execFileSync } from 'node:child_process';
import { chmod, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { nativeContext, signal, temporaryDirectory } from '../__fixtures__/native-context.js';
import { createFileReadTool } from './file-read.js';
import { createFileWriteTool } from './file-write.js';
import { defaultToolLimits } from './native-tool-context.js';

let root = '';
beforeEach(async () => {
  root = await temporaryDirectory();
});

describe('file_read', () => {
  it('reads a text file inside the working directory', async () => {
    await writeFile(join(root, 'hello.txt'), 'héllo\n');
    const tool = createFileReadTool(nativeContext({ workingDirectory: root }));
    expect(await tool.call({ path: 'hello.txt' }, signal())).toEqual({ content: 'héllo\n' });
  });

  it('refuses a named pipe at once with a tool error, instead of waiting for a writer forever', async () => {
    execFileSync('mkfifo', [join(root, 'pipe')]);
    const tool = createFileReadTool(nativeContext({ workingDirectory: root }));
    expect(await tool.call({ path: 'pipe' }, signal())).toEqual({
      isError: true,
      content: 'pipe is a named pipe (FIFO), not a regular file; file_read reads regular text files only',
    });
  });

  it('refuses a symbolic link escaping the directory', async () => {
    const outside = await temporaryDirectory('strands-outside-');
    await writeFile(join(outside, 'id_rsa'), 'PRIVATE');
    await symlink(join(outside, 'id_rsa'), join(root, 'innocent.txt'));
    const tool = createFileReadTool(nativeContext({ workingDirectory: root }));
    const result = await tool.call({ path: 'innocent.txt' }, signal());
    expect(result).toMatchObject({ isError: true });
    expect(result.content).not.toContain('PRIVATE');
  });

  it('cuts long files at the limit with a note and refuses binary files', async () => {
    await writeFile(join(root, 'long.txt'), 'a'.repeat(100));
    await writeFile(join(root, 'blob.bin'), Buffer.from([1, 0, 2]));
    const tool = createFileReadTool(
      nativeContext({ workingDirectory: root, limits: { ...defaultToolLimits, fileReadBytes: 10 } }),
    );
    expect((await tool.call({ path: 'long.txt' }, signal())).content).toMatch(
      /^a{10}\n\[truncated: the body is longer than 10 bytes/,
    );
    expect(await tool.call({ path: 'blob.bin' }, signal())).toMatchObject({
      isError: true,
      content: expect.stringContaining('binary'),
    });
  });

  it('redacts secrets in the content', async () => {
    await writeFile(join(root, '.env'), 'TOKEN=abcd1234');
    const tool = createFileReadTool(
      nativeContext({ workingDirectory: root, redact: (text) => text.replaceAll('abcd1234', '[REDACTED]') }),
    );
    expect((await tool.call({ path: '.env' }, signal())).content).toBe('TOKEN=[REDACTED]');
  });
});

describe('file_write', () => {
  it('refuses without --allow-file-write and says how to opt in', async () => {
    const tool = createFileWriteTool(nativeContext({ workingDirectory: root }));
    const result = await tool.call({ path: 'a.txt', content: 'x' }, signal());
    expect(result).toMatchObject({ isError: true, content: expect.stringContaining('--allow-file-write') });
    expect(await readdir(root)).toEqual([]);
  });

  it('writes atomically, creating parent directories, and replaces an existing file', async () => {
    const tool = createFileWriteTool(nativeContext({ workingDirectory: root, allowFileWrite: true }));
    expect(await tool.call({ path: 'out/report.md', content: '# one' }, signal())).toEqual({
      content: `Wrote 5 bytes to ${join('out', 'report.md')}`,
    });
    await tool.call({ path: 'out/report.md', content: '# two' }, signal());
    expect(await readFile(join(root, 'out', 'report.md'), 'utf8')).toBe('# two');
    expect(await readdir(join(root, 'out'))).toEqual(['report.md']);
  });

  it('keeps the permission bits of a file it replaces (a 0600 file stays 0600)', async () => {
    await writeFile(join(root, 'token.txt'), 'old');
    await chmod(join(root, 'token.txt'), 0o600);
    const tool = createFileWriteTool(nativeContext({ workingDirectory: root, allowFileWrite: true }));
    await tool.call({ path: 'token.txt', content: 'new' }, signal());
    expect(await readFile(join(root, 'token.txt'), 'utf8')).toBe('new');
    expect((await stat(join(root, 'token.txt'))).mode & 0o777).toBe(0o600);
  });

  it('refuses escapes, oversize content and missing content', async () => {
    const outside = await temporaryDirectory('strands-outside-');
    await symlink(outside, join(root, 'elsewhere'));
    const tool = createFileWriteTool(
      nativeContext({
        workingDirectory: root,
        allowFileWrite: true,
        limits: { ...defaultToolLimits, fileWriteBytes: 4 },
      }),
    );
    expect((await tool.call({ path: '../x.txt', content: 'x' }, signal())).content).toContain(
      "'..' is not allowed",
    );
    expect((await tool.call({ path: 'elsewhere/x.txt', content: 'x' }, signal())).content).toContain(
      'leads outside',
    );
    expect((await tool.call({ path: 'big.txt', content: '12345' }, signal())).content).toContain(
      'at most 4 bytes',
    );
    expect((await tool.call({ path: 'x.txt' }, signal())).content).toContain("'content'");
    expect(await readdir(outside)).toEqual([]);
  });
});
