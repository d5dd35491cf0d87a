import { describe, expect, it } from 'vitest';
import { bufferIO } from './__fixtures__/read-only-test-io.js';
import { optionValueProblem } from './cli-conventions.js';
import { main } from './main.js';

describe('option values', () => {
  it('refuses empty values and values that look like options', () => {
    expect(optionValueProblem('')).toMatch(/empty/);
    expect(optionValueProblem('  ')).toMatch(/empty/);
    expect(optionValueProblem('-q')).toMatch(/looks like an option.*\.\/-q/);
    expect(optionValueProblem('--json')).toMatch(/looks like an option/);
  });

  it('accepts paths, a lone dash and negative numbers', () => {
    for (const value of ['./artifacts', 'out dir', '-', '-1', './-q', 'topic=-x']) {
      expect(optionValueProblem(value)).toBeUndefined();
    }
  });

  it('turns `run SPEC --out -q` into a usage error before the spec is read', async () => {
    const { io, stderr } = bufferIO();
    expect(await main(['run', 'no-such-spec.yaml', '--out', '-q'], io)).toBe(2);
    expect(stderr()).toContain("argument '-q' is invalid");
    expect(stderr()).not.toContain('no-such-spec');
  });

  it('keeps the parser of an option with its own (repeatable --var)', async () => {
    const { io, stderr } = bufferIO();
    expect(await main(['validate', 'no-such-spec.yaml', '--var', 'a=1', '--var', ''], io)).toBe(2);
    expect(stderr()).toContain('It is empty');
  });
});

describe('help', () => {
  it('prints real defaults and hides empty ones', async () => {
    const { io, stdout } = bufferIO();
    expect(await main(['run', '--help'], io)).toBe(0);
    // --out has no fixed default any more (a resumed run writes where the session did): its help says so.
    expect(stdout()).toContain('directory for artifacts (default: ./artifacts');
    expect(stdout()).not.toContain('(default: [])');
  });
});

describe('flag errors with --json', () => {
  it('print one usage-error document on stdout, and the message on stderr', async () => {
    const { io, stdout, stderr } = bufferIO();
    expect(await main(['validate', 'x.yaml', '--json', '--nope'], io)).toBe(2);
    expect(JSON.parse(stdout())).toEqual({
      status: 'usage-error',
      ok: false,
      exitCode: 2,
      error: { name: 'UsageError', code: 'commander.unknownOption', message: "unknown option '--nope'" },
    });
    expect(stderr()).toContain("error: unknown option '--nope'");
  });

  it('print nothing on stdout without --json, or when --json comes after --', async () => {
    const first = bufferIO();
    expect(await main(['validate', 'x.yaml', '--nope'], first.io)).toBe(2);
    expect(first.stdout()).toBe('');
    const second = bufferIO();
    expect(await main(['validate', '--nope', '--', '--json'], second.io)).toBe(2);
    expect(second.stdout()).toBe('');
  });
});
