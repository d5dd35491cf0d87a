import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec, SpecValidationError, StrandsError } from '@strands-cli/core';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { reliabilityFixture } from './reliability-harness.js';
import { mutants } from './spec-mutations.js';

/** The CLI's install: where the built-in executors are found, as `strands validate` finds them. */
const cliPackage = fileURLToPath(new URL('../../packages/cli/', import.meta.url));
const plugins = { searchFrom: [cliPackage] };

/** The valid fixtures the corpus is generated from, with the --var each needs. */
const seeds: ReadonlyArray<{ name: string; vars: string[] }> = [
  { name: 'chain-two-steps', vars: [] },
  { name: 'router', vars: [] },
  { name: 'parallel-four', vars: [] },
  { name: 'workflow-dag', vars: ['topic=kelp'] },
];

/** Broken files that are not mutations of a spec: whole-file problems and resource attacks. */
function hostileFiles(): Array<{ name: string; bytes: Buffer | string }> {
  const aliasLevels = ['l0: &l0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let level = 1; level < 9; level++) {
    aliasLevels.push(
      `l${level}: &l${level} [${Array(10)
        .fill(`*l${level - 1}`)
        .join(', ')}]`,
    );
  }
  const validHead = 'version: 1\nname: hostile\nruntime: {provider: openai}\n';
  return [
    { name: 'empty.yaml', bytes: '' },
    { name: 'only-comments.yaml', bytes: '# nothing here\n' },
    { name: 'top-level-list.yaml', bytes: '- version: 1\n- name: a list\n' },
    { name: 'top-level-scalar.json', bytes: '"just a string"' },
    {
      name: 'binary.yaml',
      bytes: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
    },
    { name: 'zeros.yaml', bytes: Buffer.alloc(1024) },
    {
      name: 'invalid-utf8.yaml',
      bytes: Buffer.concat([
        Buffer.from(`${validHead}agents: {a: {prompt: "caf`),
        Buffer.from([0xe9, 0x22, 0x7d, 0x7d]),
      ]),
    },
    { name: 'billion-laughs.yaml', bytes: `${aliasLevels.join('\n')}\n${validHead}` },
    { name: 'deep-flow.yaml', bytes: `${validHead}metadata: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n` },
    {
      name: 'deep-block.yaml',
      bytes: `${validHead}metadata:\n${Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i + 1)}k:`).join('\n')} 1\n`,
    },
    {
      name: 'deep-json.json',
      bytes: `{"version": 1, "metadata": ${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`,
    },
    { name: 'huge.yaml', bytes: `${validHead}description: "${'x'.repeat(10 * 1024 * 1024)}"\n` },
    {
      name: 'yaml-tags.yaml',
      bytes: `${validHead}name: !!js/function "function () {}"\ndescription: !!binary aGk=\n`,
    },
    { name: 'duplicate-keys.yaml', bytes: `${validHead}name: twice\n` },
    {
      name: 'prototype-agent.yaml',
      bytes: `${validHead}agents: {a: {prompt: p}}\npattern: {type: chain, config: {steps: [{agent: toString, input: hi}]}}\n`,
    },
    {
      name: 'proto-keys.yaml',
      bytes: `${validHead}__proto__: {polluted: true}\nagents: {__proto__: {prompt: p}}\npattern: {type: chain, config: {steps: [{agent: a, input: hi}]}}\n`,
    },
    { name: 'wrong-extension.txt', bytes: validHead },
  ];
}

/**
 * The contract for bad input: the loader answers with a StrandsError of exit 2, 3 or 18 (never a
 * crash, never 70), and the answer says where: issues with a line, or a message naming the file.
 */
function expectLocatedRefusal(error: unknown, file: string, what: string): void {
  if (!StrandsError.isInstance(error)) {
    throw new Error(`${what}: the loader crashed with ${String((error as Error)?.stack ?? error)}`);
  }
  expect([2, 3, 18], `${what}: exit ${error.exitCode}: ${error.message}`).toContain(error.exitCode);
  if (error instanceof SpecValidationError && error.issues.length > 0) {
    for (const issue of error.issues) {
      expect(issue.line, `${what}: issue without a line: ${issue.pointer} ${issue.message}`).toBeGreaterThan(
        0,
      );
    }
  } else {
    expect(`${error.message} ${error.hint ?? ''}`, what).toMatch(/\S/);
    if (error.exitCode === 3) expect(error.message, what).toContain(file);
  }
}

describe('the loader against a generated corpus of broken specs (in process)', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'strands-e2e-corpus-'));
  });

  it.each(seeds)('never crashes on 100 mutations of $name, and locates every refusal', async (seed) => {
    const text = await readFile(reliabilityFixture(seed.name));
    const generated = mutants(parse(text.toString('utf8')), text, seeds.indexOf(seed) + 1, 100);
    let refused = 0;
    for (const [index, mutant] of generated.entries()) {
      const file = join(directory, `${seed.name}-${index}.${mutant.extension}`);
      await writeFile(file, mutant.bytes);
      try {
        await loadSpec(file, { plugins, vars: seed.vars, env: {} });
      } catch (error) {
        refused += 1;
        expectLocatedRefusal(error, file, `${seed.name} #${index} (${mutant.description})`);
      }
    }
    // Most mutations break the spec; some (dropping an optional key) legitimately do not.
    expect(refused).toBeGreaterThan(60);
  });

  it('refuses hostile files (empty, binary, not UTF-8, alias bombs, deep nesting, huge) with exit 3', async () => {
    for (const hostile of hostileFiles()) {
      const file = join(directory, hostile.name);
      await writeFile(file, hostile.bytes);
      const error = await loadSpec(file, { plugins, env: {} }).then(
        () => new Error(`${hostile.name} loaded`),
        (caught: unknown) => caught,
      );
      expectLocatedRefusal(error, file, hostile.name);
      expect((error as StrandsError).exitCode, hostile.name).toBe(3);
    }
  });
});

describe('bad input through the built CLI', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'strands-e2e-bad-input-'));
    await mkdir(join(directory, 'out'));
    for (const hostile of hostileFiles()) await writeFile(join(directory, hostile.name), hostile.bytes);
  });

  it.each([
    ['billion-laughs.yaml', /billion-laughs\.yaml:2:\d+ .*aliases expand too much/],
    ['invalid-utf8.yaml', /invalid-utf8\.yaml:4:\d+ .*not valid UTF-8/],
    ['deep-flow.yaml', /deep-flow\.yaml:\d+:\d+ /],
    ['huge.yaml', /the limit is 10 MiB/],
    ['binary.yaml', /binary\.yaml:1:\d+ .*not valid UTF-8/],
    ['top-level-list.yaml', /must be a mapping of keys .* found a list/],
    [
      'prototype-agent.yaml',
      /prototype-agent\.yaml:5:\d+ \/pattern\/config\/steps\/0\/agent: unknown agent `toString`/,
    ],
  ])('%s: validate and run answer exit 3 with a located message, no crash', async (name, message) => {
    for (const args of [
      ['validate', name],
      ['run', name, '--out', 'out'],
    ]) {
      const run = await runCli(args, { cwd: directory, env: { OPENAI_API_KEY: 'sk-x' } });
      expect(run.code, `${args[0]}: ${run.stderr}`).toBe(3);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/Internal error|^\s+at /m);
    }
  });
});
