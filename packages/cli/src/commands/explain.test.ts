import { describe, expect, it } from 'vitest';
import { bufferIO, readOnlyFixture } from '../__fixtures__/read-only-test-io.js';
import { main } from '../main.js';

describe('strands explain', () => {
  it('lists each unsupported feature with where it is, why, and what to change (exit 0)', async () => {
    const { io, stdout } = bufferIO();
    const file = readOnlyFixture('later.yaml');
    expect(await main(['explain', file], io)).toBe(0);
    const text = stdout();
    expect(text).toContain('later: 1 feature this version cannot run yet');
    expect(text).toContain(`1. /security/guardrails  (${file}:20:3)`);
    expect(text).toContain('   → Remediation: Remove security.guardrails');
    expect(text).toContain('   Reason: Security guardrails');
    expect(text).toContain('`strands run` refuses this spec (exit 18)');
  });

  it('says so when everything is supported', async () => {
    const { io, stdout } = bufferIO();
    expect(await main(['explain', readOnlyFixture('dag.yaml')], io)).toBe(0);
    expect(stdout()).toContain('✓ No unsupported features detected in dag.');
  });

  it('exits 3 when the spec does not load', async () => {
    const { io, stderr } = bufferIO();
    expect(await main(['explain', readOnlyFixture('mistakes.yaml')], io)).toBe(3);
    expect(stderr()).toContain('Did you mean `agent`?');
  });
});
