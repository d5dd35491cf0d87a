import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpecValidationError } from '../../spec/v1/errors.js';
import { fixture } from '../__fixtures__/fixture-executor.js';
import { maxSpecFileBytes, readSpecSource } from './read-spec-source.js';

async function failure(file: string): Promise<SpecValidationError> {
  const error = await readSpecSource(file).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SpecValidationError);
  expect((error as SpecValidationError).exitCode).toBe(3);
  return error as SpecValidationError;
}

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'strands-spec-source-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('readSpecSource', () => {
  it('reads YAML into plain data with a source map', async () => {
    const source = await readSpecSource(fixture('valid-chain.yaml'));
    expect(source.document.name).toBe('research-brief');
    expect(source.sourceMap.locate('/runtime/provider')).toMatchObject({ line: 7, column: 3 });
  });

  it('says when the file does not exist', async () => {
    const error = await failure(join(directory, 'missing.yaml'));
    expect(error.message).toBe(`Spec file not found: ${join(directory, 'missing.yaml')}`);
  });

  it('refuses a named pipe at once instead of waiting for a writer', async () => {
    const fifo = join(directory, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    expect((await failure(fifo)).message).toContain('is not a file (it is a named pipe (FIFO))');
  });

  it('refuses other extensions', async () => {
    const error = await failure(fixture('notes.txt'));
    expect(error.message).toContain("Unsupported spec file extension '.txt'");
    expect(error.hint).toContain('.yaml, .yml or .json');
  });

  it('refuses files over 10 MiB', async () => {
    const big = join(directory, 'big.yaml');
    await writeFile(big, `name: x\n#${'x'.repeat(maxSpecFileBytes)}\n`);
    expect((await failure(big)).message).toBe(`${big} is 10.0 MiB; the limit is 10 MiB`);
  });

  it('locates YAML syntax errors', async () => {
    // Broken files are written here rather than kept as fixtures, so the repository's linters never parse them.
    const file = join(directory, 'bad-syntax.yaml');
    await writeFile(file, 'version: 0\nname: "unterminated\nruntime:\n  provider: openai\n');
    const error = await failure(file);
    expect(error.message).toContain('is not valid YAML');
    expect(error.issues[0]).toMatchObject({ line: 5, column: 1, code: 'parse' });
    expect(error.issues[0]?.message).toMatch(/^YAML syntax error: Missing closing "quote/);
  });

  it('locates JSON syntax errors', async () => {
    const file = join(directory, 'bad-syntax.json');
    await writeFile(file, '{\n  "version": 0,\n  "name": "x",\n}\n');
    const error = await failure(file);
    expect(error.message).toContain('is not valid JSON');
    expect(error.issues[0]).toMatchObject({ line: 4, column: 1, code: 'parse' });
  });

  it('requires a mapping at the top level', async () => {
    const error = await failure(fixture('top-level-list.yaml'));
    expect(error.message).toContain('found a list');
  });

  it('reports duplicate keys as a syntax error', async () => {
    const file = join(directory, 'duplicate.yaml');
    await writeFile(file, 'version: 0\nname: a\nname: b\n');
    const error = await failure(file);
    expect(error.issues[0]).toMatchObject({ line: 3, column: 1 });
  });

  it('refuses a YAML alias bomb at its first alias, as a spec error', async () => {
    const file = join(directory, 'bomb.yaml');
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 7; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    await writeFile(file, `${levels.join('\n')}\n`);
    const error = await failure(file);
    expect(error.issues[0]).toMatchObject({ line: 2, column: 8, code: 'parse' });
    expect(error.issues[0]?.message).toMatch(/aliases expand too much/);
  });

  it('refuses text that is not UTF-8, at the first bad byte', async () => {
    const file = join(directory, 'latin1.yaml');
    await writeFile(file, Buffer.concat([Buffer.from('version: 0\nname: caf'), Buffer.from([0xe9, 0x0a])]));
    const error = await failure(file);
    expect(error.message).toMatch(/is not valid UTF-8/);
    expect(error.issues[0]).toMatchObject({ line: 2, column: 10 });
  });
});
