import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bufferIO } from '../__fixtures__/read-only-test-io.js';
import { main } from '../main.js';

const project = fileURLToPath(new URL('../__fixtures__/atomic', import.meta.url));

describe('strands atomic', () => {
  it('lists the atomic agents of ./agents/atomic in a table or as JSON', async () => {
    const text = bufferIO({}, project);
    expect(await main(['atomic', 'list'], text.io)).toBe(0);
    expect(text.stdout()).toMatch(/NAME\s+CAPABILITY\s+DESCRIPTION/);
    expect(text.stdout()).toMatch(/rate\s+classification\s+Rates a ticket\./);
    const json = bufferIO({}, project);
    expect(await main(['atomic', 'list', '--json'], json.io)).toBe(0);
    const names = (JSON.parse(json.stdout()) as { agents: { name: string }[] }).agents.map(
      (agent) => agent.name,
    );
    expect(names).toEqual(['pair', 'rate']);
  });

  it('describes an agent by name, with its schemas', async () => {
    const { io, stdout } = bufferIO({}, project);
    expect(await main(['atomic', 'describe', 'rate', '--json'], io)).toBe(0);
    const described = JSON.parse(stdout()) as { agent: string; output_schema: string };
    expect(described.agent).toBe('rate');
    expect(described.output_schema).toBe('./schemas/output.json');
  });

  it('validates the atomic rules: exit 0, or 3 with the broken rule', async () => {
    const ok = bufferIO({}, project);
    expect(await main(['atomic', 'validate', 'rate'], ok.io)).toBe(0);
    const bad = bufferIO({}, project);
    expect(await main(['atomic', 'validate', 'pair'], bad.io)).toBe(3);
    expect(bad.stderr()).toContain('exactly one agent, this one has 2');
  });

  it('exits 2 for an agent that does not exist', async () => {
    const { io, stderr } = bufferIO({}, project);
    expect(await main(['atomic', 'describe', 'nothing'], io)).toBe(2);
    expect(stderr()).toContain("No atomic agent 'nothing'");
  });

  it('scaffolds a new agent that validates, and never overwrites one', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'atomic-scaffold-'));
    try {
      const created = bufferIO({}, directory);
      expect(await main(['atomic', 'scaffold', 'classify'], created.io)).toBe(0);
      expect(created.stdout()).toContain('Created 5 files');
      const valid = bufferIO({}, directory);
      expect(await main(['atomic', 'validate', 'classify'], valid.io)).toBe(0);
      const again = bufferIO({}, directory);
      expect(await main(['atomic', 'scaffold', 'classify'], again.io)).toBe(2);
      expect(again.stderr()).toContain('already exists');
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
