import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatCassette, parseCassette, readCassette, writeCassette } from './cassette-file.js';
import { CASSETTE_FORMAT, CASSETTE_VERSION, type CassetteV1 } from './cassette-format.js';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'strands-cassette-file-'));
});
afterEach(async () => {
  await chmod(directory, 0o700).catch(() => undefined);
  await rm(directory, { recursive: true, force: true });
});

const cassette: CassetteV1 = {
  format: CASSETTE_FORMAT,
  version: CASSETTE_VERSION,
  usage: { calls: 1, inputTokens: 3, outputTokens: 2 },
  entries: [
    {
      key: 'a'.repeat(64),
      provider: 'ollama',
      kind: 'stream',
      request: { provider: 'ollama', modelId: 'llama3', messages: [{ role: 'user', content: 'hi' }] },
      response: {
        text: 'hello',
        toolCalls: [],
        finishReason: 'stop',
        usage: { inputTokens: 3, outputTokens: 2 },
      },
      chunks: [
        { type: 'text-delta', text: 'hel' },
        { type: 'text-delta', text: 'lo' },
      ],
    },
  ],
};

describe('cassette files', () => {
  it('writes atomically into a new directory, leaving no temporary file, and reads back the same document', async () => {
    const file = join(directory, 'nested', 'run.cassette.json');
    await writeCassette(file, cassette);
    await writeCassette(file, cassette); // overwriting is allowed
    expect(await readdir(join(directory, 'nested'))).toEqual(['run.cassette.json']);
    expect(await readCassette(file)).toEqual(cassette);
    const text = await readFile(file, 'utf8');
    expect(text).toBe(formatCassette(cassette));
    expect(JSON.parse(text)).toEqual(cassette);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('reports an unwritable place as an artifact error (exit 12) and leaves nothing behind', async () => {
    await chmod(directory, 0o500);
    const error = await writeCassette(join(directory, 'x.cassette.json'), cassette).catch(
      (caught: unknown) => caught,
    );
    // Root ignores directory permissions; the check only makes sense for ordinary users.
    if (process.getuid?.() === 0) return;
    expect(error).toMatchObject({ exitCode: 12, name: 'ArtifactError' });
    await chmod(directory, 0o700);
    expect(await readdir(directory)).toEqual([]);
  });

  it('refuses a named pipe and a device at once, without reading them (exit 12)', async () => {
    const fifo = join(directory, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    await expect(readCassette(fifo)).rejects.toMatchObject({
      exitCode: 12,
      message: expect.stringContaining('it is a named pipe (FIFO), not a regular file'),
    });
    await expect(readCassette('/dev/urandom')).rejects.toMatchObject({
      exitCode: 12,
      message: expect.stringContaining('it is a character device'),
    });
  });

  it('rejects a missing file as a usage error (exit 2) that names the path', async () => {
    await expect(readCassette(join(directory, 'none.json'))).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('none.json'),
      hint: expect.stringContaining('--replay'),
    });
  });

  it('rejects bad JSON, another document and a newer version with exit 12', async () => {
    const bad = join(directory, 'bad.json');
    await writeFile(bad, '{ nope');
    await expect(readCassette(bad)).rejects.toThrow(/bad\.json is not valid JSON/);
    expect(() => parseCassette('{"format":"other","version":1,"entries":[]}', 'x.json')).toThrow(
      'x.json is not a strands cassette: /format',
    );
    expect(() =>
      parseCassette(
        JSON.stringify({ ...cassette, entries: [{ ...cassette.entries[0], key: 'short' }] }),
        'k.json',
      ),
    ).toThrow('/entries/0/key: must be a SHA-256 in hex');
    expect(() => parseCassette('{"format":"strands-cassette","version":2,"entries":[]}', 'new.json')).toThrow(
      'new.json is a version 2 cassette; this strands-cli reads version 1',
    );
  });
});
