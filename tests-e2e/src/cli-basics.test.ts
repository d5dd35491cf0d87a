import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { describe, expect, it } from 'vitest';

describe('the built strands binary', () => {
  it('prints its version and exits 0', async () => {
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^strands-cli \d+\.\d+\.\d+/);
  });

  it('rejects an unknown command with exit 2 and a hint', async () => {
    const result = await runCli(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command/);
  });

  it('writes a JSON starter for a .json name that validate accepts (the bundled YAML parser loads)', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'strands-e2e-init-'));
    try {
      const init = await runCli(['init', 'flow.json', '--pattern', 'parallel'], { cwd: directory });
      expect(init.code).toBe(0);
      const data = JSON.parse(await readFile(join(directory, 'flow.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(data).toMatchObject({ version: 0, pattern: { type: 'parallel' } });
      const validate = await runCli(['validate', 'flow.json', '--json'], { cwd: directory });
      expect(validate.code).toBe(0);
      expect(JSON.parse(validate.stdout)).toMatchObject({ status: 'valid', valid: true });
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
