import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSkillTool, maxSkillDocumentBytes } from './skill-tool.js';

const signal = new AbortController().signal;
let specDirectory: string;

beforeAll(async () => {
  specDirectory = await mkdtemp(join(tmpdir(), 'skills-'));
  const folder = join(specDirectory, 'skills', 'mermaid');
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'SKILL.md'), 'Use flowchart TD.');
  await writeFile(join(folder, 'patterns.md'), 'Sequence diagrams: ...');
  await writeFile(join(folder, 'huge.md'), 'x'.repeat(maxSkillDocumentBytes + 1));
  await writeFile(join(specDirectory, 'secret.txt'), 'outside');
  await symlink(join(specDirectory, 'secret.txt'), join(folder, 'link.md'));
  await mkdir(join(specDirectory, 'skills', 'plain'));
  await writeFile(join(specDirectory, 'skills', 'plain', 'README.md'), 'Read me.');
});

function tool() {
  return createSkillTool({
    specDirectory,
    skills: [
      { id: 'mermaid', path: './skills/mermaid', description: 'Diagrams' },
      { id: 'plain', path: './skills/plain' },
    ],
  });
}

describe('the Skill loader tool', () => {
  it('returns SKILL.md (or README.md) relative to the spec, once per run', async () => {
    const skill = tool();
    const first = await skill.call({ skill_id: 'mermaid' }, { signal });
    expect(first.isError).toBeUndefined();
    expect(first.content).toContain('# Loaded Skill: mermaid');
    expect(first.content).toContain('**Description**: Diagrams');
    expect(first.content).toContain('Use flowchart TD.');
    const again = await skill.call({ skill_id: 'mermaid' }, { signal });
    expect(again.content).toContain('already loaded');
    expect((await skill.call({ skill_id: 'plain' }, { signal })).content).toContain('Read me.');
  });

  it('returns a document the skill names, with or without .md', async () => {
    const result = await tool().call({ skill_id: 'mermaid/patterns' }, { signal });
    expect(result.content).toContain('Sequence diagrams');
  });

  it('refuses paths leading out of the skill folder, through .. or a symbolic link', async () => {
    const dotdot = await tool().call({ skill_id: 'mermaid/../../secret.txt' }, { signal });
    expect(dotdot.isError).toBe(true);
    expect(dotdot.content).toContain("'..' is not allowed");
    const link = await tool().call({ skill_id: 'mermaid/link.md' }, { signal });
    expect(link.isError).toBe(true);
    expect(link.content).toContain('leads outside the skill folder');
    expect(link.content).not.toContain('outside\n');
  });

  it('refuses an unknown skill, a missing document and an oversized one', async () => {
    expect((await tool().call({ skill_id: 'pdf' }, { signal })).content).toContain(
      'Available skills: mermaid, plain',
    );
    expect((await tool().call({ skill_id: 'mermaid/none' }, { signal })).isError).toBe(true);
    const huge = await tool().call({ skill_id: 'mermaid/huge' }, { signal });
    expect(huge.isError).toBe(true);
  });
});
