import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type OpenAIServer, reply, startOpenAIServer } from '@strands-cli/test-servers';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const fixtureDirectory = fileURLToPath(new URL('../fixtures/skills', import.meta.url));

let model: OpenAIServer;
let directory: string;
beforeEach(async () => {
  model = await startOpenAIServer();
  // A copy, so the test can add a symbolic link that leads out of the skill folder.
  directory = await mkdtemp(join(tmpdir(), 'strands-e2e-skills-'));
  await cp(fixtureDirectory, directory, { recursive: true });
  await symlink(join(directory, 'outside.txt'), join(directory, 'skills', 'guide', 'leak.md'));
});
afterEach(async () => {
  await model.close();
  await rm(directory, { recursive: true, force: true });
});

async function runWithSkillCalls(...skillIds: string[]) {
  model.enqueue(
    reply.toolCalls(skillIds.map((id) => ({ name: 'Skill', input: { skill_id: id } }))),
    reply.text('An old silent pond'),
  );
  // Run from another directory: skill paths are relative to the spec file.
  return runCli(['run', join(directory, 'skills.yaml')], {
    cwd: tmpdir(),
    env: { OPENAI_API_KEY: 'sk-e2e', OPENAI_BASE_URL: model.baseURL },
    timeoutMs: 20_000,
  });
}

/** The tool results the model received in its second request. */
function toolResults(): string {
  return JSON.stringify(model.requests[1]?.body ?? null);
}

describe('skills through the CLI', () => {
  it('lists the skills in the system prompt and answers a Skill call from the skill folder', async () => {
    const result = await runWithSkillCalls('guide', 'guide/style');
    expect(result.code, result.stderr).toBe(0);
    const first = JSON.stringify(model.requests[0]?.body);
    expect(first).toContain('# Available Skills');
    expect(first).toContain('"name":"Skill"');
    expect(toolResults()).toContain('Always answer in haiku.');
    expect(toolResults()).toContain('Style: short lines.');
  });

  it('refuses a skill document outside the skill folder, by .. or by a symbolic link', async () => {
    const result = await runWithSkillCalls('guide/../outside.txt', 'guide/leak.md');
    expect(result.code, result.stderr).toBe(0);
    expect(toolResults()).toContain("'..' is not allowed");
    expect(toolResults()).toContain('leads outside the skill folder');
    expect(toolResults()).not.toContain('TOP-SECRET-OUTSIDE-THE-SKILL');
  });
});
