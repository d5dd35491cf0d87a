import { mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuntimeFailure } from '../../spec/v1/errors.js';
import { createNote, NotesLog, noteMarkdown } from './notes-log.js';

const at = new Date('2026-01-02T03:04:05.678Z');

function note(agent: string, outcome: string) {
  return createNote({ agent, step: 'step 1', input: 'in', tools: ['calculator', 'calculator'], outcome }, at);
}

describe('NotesLog', () => {
  it('appends Markdown notes to the file and offers the last ones under a heading', async () => {
    const root = await mkdtemp(join(tmpdir(), 'notes-'));
    const log = new NotesLog({ file: 'artifacts/notes.md', includeLast: 1, format: 'markdown' }, root);
    expect(log.promptSection()).toBeUndefined();
    await log.add(note('researcher', 'first'));
    await log.add(note('writer', 'second'));
    const file = await readFile(join(root, 'artifacts/notes.md'), 'utf8');
    expect(file).toBe(
      `${noteMarkdown(note('researcher', 'first'))}\n\n${noteMarkdown(note('writer', 'second'))}\n\n`,
    );
    expect(file).toContain(
      '## [2026-01-02T03:04:05Z] — Agent: researcher (step 1)\n- **Input**: in\n- **Tools used**: calculator\n',
    );
    expect(log.promptSection()).toBe(
      `# Previous Workflow Steps\n\n${noteMarkdown(note('writer', 'second'))}`,
    );
  });

  it('does not write a note the file already holds, so a resumed run adds no duplicate', async () => {
    const root = await mkdtemp(join(tmpdir(), 'notes-'));
    const policy = { file: 'notes.md', includeLast: 5, format: 'markdown' } as const;
    await new NotesLog(policy, root).add(note('a', 'x'));
    const resumed = new NotesLog(policy, root);
    await resumed.add(note('a', 'x'));
    await resumed.add(note('b', 'y'));
    const file = await readFile(join(root, 'notes.md'), 'utf8');
    expect(file.match(/Agent: a/g)).toHaveLength(1);
    expect(file.match(/Agent: b/g)).toHaveLength(1);
  });

  it('keeps a JSON array of notes, once each', async () => {
    const root = await mkdtemp(join(tmpdir(), 'notes-'));
    const log = new NotesLog({ file: 'notes.json', includeLast: 5, format: 'json' }, root);
    await Promise.all([log.add(note('a', 'x')), log.add(note('b', 'y')), log.add(note('a', 'x'))]);
    const notes = JSON.parse(await readFile(join(root, 'notes.json'), 'utf8'));
    expect(notes.map((entry: { agent: string }) => entry.agent)).toEqual(['a', 'b']);
  });

  it('truncates long inputs and outcomes', () => {
    const long = createNote(
      { agent: 'a', step: 's', input: 'i'.repeat(300), tools: [], outcome: 'o'.repeat(201) },
      at,
    );
    expect(long.input).toBe(`${'i'.repeat(200)}...`);
    expect(long.outcome).toBe(`${'o'.repeat(200)}...`);
    expect(noteMarkdown(long)).toContain('- **Tools used**: None');
  });

  it('refuses a file outside the working directory or behind a symbolic link that leaves it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'notes-'));
    const outside = await mkdtemp(join(tmpdir(), 'outside-'));
    await symlink(outside, join(root, 'link'));
    for (const file of ['../notes.md', '/tmp/notes.md', 'link/notes.md']) {
      const log = new NotesLog({ file, includeLast: 1, format: 'markdown' }, root);
      await expect(log.check()).rejects.toSatisfy(RuntimeFailure.isInstance);
      await expect(log.add(note('a', 'x'))).rejects.toSatisfy(RuntimeFailure.isInstance);
    }
  });

  it('refuses to replace a JSON notes file that is not an array of notes', async () => {
    const root = await mkdtemp(join(tmpdir(), 'notes-'));
    await writeFile(join(root, 'notes.json'), '{"not": "notes"}');
    const log = new NotesLog({ file: 'notes.json', includeLast: 1, format: 'json' }, root);
    await expect(log.add(note('a', 'x'))).rejects.toThrow(/not a JSON array/);
  });
});
