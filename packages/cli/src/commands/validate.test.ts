import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIO, readOnlyFixture } from '../__fixtures__/read-only-test-io.js';
import { main } from '../main.js';

describe('strands validate', () => {
  it('accepts a valid spec (exit 0) and summarises it', async () => {
    const { io, stdout, stderr } = bufferIO();
    expect(await main(['validate', readOnlyFixture('brief.yaml'), '--var', 'topic=tides'], io)).toBe(0);
    expect(stdout()).toBe('OK Spec is valid: brief\n  Version: 0\n  Agents: 2\n  Pattern: chain\n');
    expect(stderr()).not.toContain('warning: ');
  });

  it('warns (exit 0) about a required input that has no value yet', async () => {
    const { io, stderr } = bufferIO();
    expect(await main(['validate', readOnlyFixture('brief.yaml')], io)).toBe(0);
    expect(stderr()).toContain(
      ':11:5 /inputs/required/topic: required input `topic` has no value or default',
    );
    expect(stderr()).toContain('fix: Pass it when you run: --var topic=...');
  });

  it('lists every problem with file:line:col and a fix (exit 3)', async () => {
    const { io, stdout, stderr } = bufferIO();
    const file = readOnlyFixture('mistakes.yaml');
    expect(await main(['validate', file], io)).toBe(3);
    expect(stdout()).toBe('');
    expect(stderr()).toContain(`${file} is not a valid workflow spec (1 problem)`);
    expect(stderr()).toContain(
      `${file}:12:9 /pattern/config/steps/0/agnet: unknown key \`agnet\` in \`pattern.config.steps[0]\`. Did you mean \`agent\`?`,
    );
    expect(stderr()).toContain('fix: Rename `agnet` to `agent`.');
  });

  it('reports reference and template problems once the structure is right', async () => {
    const { io, stderr } = bufferIO();
    const directory = await mkdtemp(join(tmpdir(), 'strands-validate-'));
    const fixed = join(directory, 'fixed.yaml');
    await writeFile(
      fixed,
      (await readFile(readOnlyFixture('mistakes.yaml'), 'utf8')).replace('agnet', 'agent'),
    );
    try {
      expect(await main(['validate', fixed], io)).toBe(3);
    } finally {
      await rm(directory, { recursive: true });
    }
    expect(stderr()).toContain(
      ':13:9 /pattern/config/steps/1/agent: unknown agent `writr`. Did you mean `writer`?',
    );
    expect(stderr()).toContain(
      ':14:20 /pattern/config/steps/1/input: template: `steps[5].response` is undefined here',
    );
  });

  it('prints JSON with --json, valid or not, with a status like run --json', async () => {
    const good = bufferIO();
    expect(await main(['validate', readOnlyFixture('brief.yaml'), '--json'], good.io)).toBe(0);
    expect(JSON.parse(good.stdout())).toMatchObject({
      status: 'valid',
      valid: true,
      name: 'brief',
      agents: ['researcher', 'writer'],
    });
    const bad = bufferIO();
    expect(await main(['validate', readOnlyFixture('mistakes.yaml'), '--json'], bad.io)).toBe(3);
    expect(JSON.parse(bad.stdout())).toMatchObject({
      status: 'spec-error',
      valid: false,
      issues: [{ pointer: '/pattern/config/steps/0/agnet', line: 12 }],
    });
  });

  it('mentions features this version cannot run yet, still exit 0', async () => {
    const { io, stdout } = bufferIO();
    expect(await main(['validate', readOnlyFixture('later.yaml')], io)).toBe(0);
    expect(stdout()).toContain('Note: it uses 1 feature this version cannot run yet');
  });

  it('exits 2 for a malformed --var and 3 for a missing file', async () => {
    const usage = bufferIO();
    expect(await main(['validate', readOnlyFixture('brief.yaml'), '--var', 'topic'], usage.io)).toBe(2);
    expect(usage.stderr()).toContain("--var expects key=value, got 'topic'");
    const missing = bufferIO();
    expect(await main(['validate', 'nowhere.yaml'], missing.io)).toBe(3);
    expect(missing.stderr()).toContain('Spec file not found: nowhere.yaml');
  });

  it('exits 2 for a --var value of the wrong type', async () => {
    const { io, stderr } = bufferIO();
    expect(await main(['validate', readOnlyFixture('brief.yaml'), '--var', 'words=many'], io)).toBe(2);
    expect(stderr()).toContain('input `words` is declared as integer');
  });

  it('explains itself in --help', async () => {
    const { io, stdout } = bufferIO();
    expect(await main(['validate', '--help'], io)).toBe(0);
    expect(stdout()).toContain('Exit codes: 0 valid, 3 invalid');
  });
});
