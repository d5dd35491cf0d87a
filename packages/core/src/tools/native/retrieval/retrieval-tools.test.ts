import { symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { nativeContext, signal, temporaryDirectory } from '../../__fixtures__/native-context.js';
import { defaultToolLimits } from '../native-tool-context.js';
import { createGrepTool, createSearchTool } from './grep-search.js';
import { createHeadTool, createTailTool } from './head-tail.js';

let root = '';
const lines = Array.from(
  { length: 30 },
  (_, index) => `line ${index + 1}${index === 19 ? ' ERROR disk full' : ''}`,
);

beforeEach(async () => {
  root = await temporaryDirectory();
  await writeFile(join(root, 'app.log'), `${lines.join('\n')}\n`);
});

const context = (overrides = {}) => nativeContext({ workingDirectory: root, ...overrides });

describe('head and tail', () => {
  it('head returns the first lines with their numbers', async () => {
    const result = await createHeadTool(context()).call({ path: 'app.log', lines: 2 }, signal());
    expect(result).toEqual({ content: 'First 2 line(s) from app.log:\n   1 | line 1\n   2 | line 2' });
  });

  it('tail returns the last lines with their numbers (10 by default)', async () => {
    const result = await createTailTool(context()).call({ path: 'app.log' }, signal());
    expect(result.isError).toBeUndefined();
    expect(result.content).toContain('Last 10 line(s) from app.log:');
    expect(result.content).toContain('  21 | line 21');
    expect(result.content).toContain('  30 | line 30');
    expect(result.content).not.toContain('| line 20');
  });

  it('tail of a file past the scan limit reads its end, not its start', async () => {
    const limits = { ...defaultToolLimits, retrievalScanBytes: 40 };
    const result = await createTailTool(context({ limits })).call({ path: 'app.log', lines: 1 }, signal());
    expect(result.content).toContain('line 30');
    expect(result.content).toContain('only its end was read');
  });

  it('refuses a bad line count with the reason', async () => {
    const result = await createHeadTool(context()).call({ path: 'app.log', lines: 0 }, signal());
    expect(result).toEqual({ isError: true, content: "'lines' must be at least 1" });
  });
});

describe('grep and search', () => {
  it('grep shows each match with context lines, the match marked', async () => {
    const result = await createGrepTool(context()).call(
      { pattern: 'error', path: 'app.log', ignore_case: true, context_lines: 1 },
      signal(),
    );
    expect(result.content).toBe(
      [
        'Found 1 match(es) in app.log:',
        '',
        '--- Match at line 20 ---',
        '    19 | line 19',
        '>   20 | line 20 ERROR disk full',
        '    21 | line 21',
      ].join('\n'),
    );
  });

  it('grep reports an invalid regex as a tool error', async () => {
    const result = await createGrepTool(context()).call({ pattern: '(', path: 'app.log' }, signal());
    expect(result.isError).toBe(true);
    expect(result.content).toMatch(/^Invalid regex pattern/);
  });

  it('runs a catastrophic-backtracking pattern in linear time, and refuses a backreference', async () => {
    // With JavaScript's RegExp this pattern would not return for hours on a line of 40 `a`s and a `!`.
    await writeFile(join(root, 'evil.txt'), `${'a'.repeat(40)}!\n`);
    const slow = await createGrepTool(context()).call({ pattern: '^(a+)+$', path: 'evil.txt' }, signal());
    expect(slow.content).toContain('No matches found');
    const backreference = await createGrepTool(context()).call(
      { pattern: '(a)\\1', path: 'evil.txt' },
      signal(),
    );
    expect(backreference).toMatchObject({ isError: true });
    expect(backreference.content).toContain('RE2 syntax');
  });

  it('search finds a literal keyword case-insensitively and marks it', async () => {
    const result = await createSearchTool(context()).call({ query: 'disk.', path: 'app.log' }, signal());
    expect(result.content).toBe("No matches found for 'disk.' in app.log");
    const found = await createSearchTool(context()).call({ query: 'DISK', path: 'app.log' }, signal());
    expect(found.content).toBe(
      "Found 1 match(es) for 'DISK' in app.log:\n  20 | line 20 ERROR >>>disk<<< full",
    );
  });

  it('stops at max_matches and says so', async () => {
    const result = await createSearchTool(context()).call(
      { query: 'line', path: 'app.log', max_matches: 2 },
      signal(),
    );
    expect(result.content).toContain('(Showing first 2 matches only)');
    expect(result.content).not.toContain('line 3');
  });

  it('cuts the output at the output limit', async () => {
    const limits = { ...defaultToolLimits, retrievalOutputBytes: 100 };
    const result = await createGrepTool(context({ limits })).call(
      { pattern: 'line', path: 'app.log' },
      signal(),
    );
    expect(Buffer.byteLength(result.content)).toBeLessThan(200);
    expect(result.content).toContain('[truncated: the output is longer than 100 bytes');
  });
});

describe('confinement', () => {
  const tools = [createHeadTool, createTailTool, createGrepTool, createSearchTool];
  const input = { path: '', pattern: 'x', query: 'x' };

  it('refuses paths outside the working directory', async () => {
    for (const create of tools) {
      const tool = create(context());
      for (const path of ['../etc/passwd', '/etc/passwd']) {
        const result = await tool.call({ ...input, path }, signal());
        expect(result.isError, `${tool.name} ${path}`).toBe(true);
      }
    }
  });

  it('refuses a symbolic link leading out of the working directory', async () => {
    const outside = await temporaryDirectory('strands-outside-');
    await writeFile(join(outside, 'secret.txt'), 'PRIVATE x\n');
    await symlink(join(outside, 'secret.txt'), join(root, 'link.txt'));
    for (const create of tools) {
      const result = await create(context()).call({ ...input, path: 'link.txt' }, signal());
      expect(result).toMatchObject({ isError: true });
      expect(result.content).toContain('leads outside the working directory');
      expect(result.content).not.toContain('PRIVATE');
    }
  });

  it('skips binary files', async () => {
    await writeFile(join(root, 'image.bin'), Buffer.from([0x89, 0x50, 0x00, 0x78, 0x0a]));
    for (const create of tools) {
      const result = await create(context()).call({ ...input, path: 'image.bin' }, signal());
      expect(result).toMatchObject({ isError: true });
      expect(result.content).toContain('looks like a binary file');
    }
  });
});
