import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '@strands-cli/core';
import { builtinPatternTypes } from '@strands-cli/core/builtin-plugins';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bufferIO } from '../__fixtures__/read-only-test-io.js';
import { main } from '../main.js';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'strands-init-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

const cliDirectory = fileURLToPath(new URL('../..', import.meta.url));
/** Loads and validates a spec the way `run` does. */
const load = (file: string) => loadSpec(file, { plugins: { searchFrom: [cliDirectory] } });
const patterns = builtinPatternTypes;
const providers = ['openai', 'ollama', 'bedrock', 'anthropic', 'gemini'] as const;

describe('strands init', () => {
  it('writes workflow.yaml by default: a chain on ollama with the $schema modeline', async () => {
    const { io, stdout } = bufferIO({}, directory);
    expect(await main(['init'], io)).toBe(0);
    const text = await readFile(join(directory, 'workflow.yaml'), 'utf8');
    expect(text.split('\n')[0]).toMatch(
      /^# yaml-language-server: \$schema=https:\/\/unpkg\.com\/@strands-cli\/core@\d+\.\d+\.\d+[^/]*\/schema\/strands-workflow\.schema\.json$/,
    );
    const { spec } = await load(join(directory, 'workflow.yaml'));
    expect(spec.pattern.type).toBe('chain');
    expect(spec.runtime).toMatchObject({ provider: 'ollama' });
    expect(stdout()).toContain('Wrote workflow.yaml: a starter spec using the chain pattern on ollama.');
    // No pinned host: OLLAMA_HOST (or the default) decides where Ollama is.
    expect(text).not.toMatch(/^\s*host:/m);
  });

  it.each(patterns.flatMap((pattern) => providers.map((provider) => ({ pattern, provider }))))(
    'writes a $pattern spec for $provider that validates',
    async ({ pattern, provider }) => {
      const { io } = bufferIO({}, directory);
      const file = `specs/${pattern}-${provider}.yaml`;
      expect(await main(['init', file, '--pattern', pattern, '--provider', provider], io)).toBe(0);
      const loaded = await load(join(directory, file));
      expect(loaded.spec.pattern.type).toBe(pattern);
      expect(loaded.spec.runtime.provider).toBe(provider);
      expect(loaded.spec.runtime.model_id).toBeTruthy();
      expect(loaded.analysis.issues).toEqual([]);
    },
  );

  it.each(patterns)('writes a JSON %s spec for a .json name that validate accepts', async (pattern) => {
    const file = `${pattern}.json`;
    expect(await main(['init', file, '--pattern', pattern], bufferIO({}, directory).io)).toBe(0);
    const data = JSON.parse(await readFile(join(directory, file), 'utf8')) as Record<string, unknown>;
    expect(data.$schema).toMatch(/strands-workflow\.schema\.json$/);
    expect(data).toMatchObject({ version: 0, pattern: { type: pattern } });
    const validation = bufferIO({}, directory);
    expect(await main(['validate', file], validation.io)).toBe(0);
    expect(validation.stderr()).toBe('');
  });

  it('refuses to overwrite an existing file without --force (exit 12, with the fix)', async () => {
    const file = join(directory, 'mine.yaml');
    await writeFile(file, 'my own work\n');
    const { io, stderr } = bufferIO({}, directory);
    expect(await main(['init', 'mine.yaml', '--pattern', 'parallel'], io)).toBe(12);
    expect(await readFile(file, 'utf8')).toBe('my own work\n');
    expect(stderr()).toContain('mine.yaml already exists');
    expect(stderr()).toContain('fix: Add --force to overwrite it');

    expect(
      await main(['init', 'mine.yaml', '--pattern', 'parallel', '--force'], bufferIO({}, directory).io),
    ).toBe(0);
    expect((await load(file)).spec.pattern.type).toBe('parallel');
  });

  it('points at the schema of a locally installed core with a relative path', async () => {
    const schema = join(directory, 'node_modules', '@strands-cli', 'core', 'schema');
    await mkdir(schema, { recursive: true });
    await writeFile(join(schema, 'strands-workflow.schema.json'), '{}');
    await mkdir(join(directory, 'flows'));
    expect(await main(['init', 'flows/a.yaml'], bufferIO({}, directory).io)).toBe(0);
    const firstLine = (await readFile(join(directory, 'flows', 'a.yaml'), 'utf8')).split('\n')[0];
    expect(firstLine).toBe(
      '# yaml-language-server: $schema=../node_modules/@strands-cli/core/schema/strands-workflow.schema.json',
    );
  });

  it('refuses a file name that is not a spec, naming the accepted extensions (exit 2)', async () => {
    const { io, stderr } = bufferIO({}, directory);
    expect(await main(['init', 'x.txt'], io)).toBe(2);
    expect(stderr()).toContain('.yaml, .yml, .json');
    await expect(readFile(join(directory, 'x.txt'))).rejects.toThrow();
  });

  it('rejects an unknown pattern or provider as a usage error (exit 2) and writes nothing', async () => {
    const { io, stderr } = bufferIO({}, directory);
    expect(await main(['init', '--pattern', 'loop'], io)).toBe(2);
    expect(stderr()).toContain(
      'Allowed choices are chain, workflow, parallel, routing, graph, evaluator_optimizer, orchestrator_workers',
    );
    expect(await main(['init', '--provider', 'azure_openai'], bufferIO({}, directory).io)).toBe(2);
    await expect(readFile(join(directory, 'workflow.yaml'))).rejects.toThrow();
  });
});
