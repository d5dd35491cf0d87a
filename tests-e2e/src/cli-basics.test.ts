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
});
