import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SpecValidationError } from '../../spec/v1/errors.js';
import { fixturePlugins } from '../__fixtures__/fixture-executor.js';
import { prepareSpec } from '../prepare-spec.js';
import { unknownPluginName } from './plugin-names.js';

const patterns = ['chain', 'workflow', 'parallel', 'routing'];
let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'strands-plugin-names-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** Installs an unscoped executor package under `directory/node_modules`. */
async function installExecutor(name: string): Promise<void> {
  const root = join(directory, 'node_modules', name);
  await mkdir(root, { recursive: true });
  await writeFile(
    join(root, 'package.json'),
    JSON.stringify({ name, type: 'module', exports: './index.js' }),
  );
  await writeFile(
    join(root, 'index.js'),
    [
      "const schema = { safeParse: (value) => ({ success: true, data: value }), parse: (value) => value, '~standard': { validate: (value) => ({ value }) } };",
      'export default {',
      "  kind: 'executor', specificationVersion: 'v1', id: '" +
        name +
        "', description: 'test', version: '1.0.0',",
      '  configSchema: schema,',
      '  analyze: () => ({ agentReferences: [], toolReferences: [], templates: [], issues: [], graph: { nodes: [], edges: [] } }),',
      "  run: async () => ({ response: '', agentId: '', context: {} }),",
      '};',
    ].join('\n'),
  );
}

function spec(type: string) {
  return {
    version: 0,
    name: 'plugin-names',
    runtime: { provider: 'ollama' },
    agents: { a: { prompt: 'A' } },
    pattern: { type, config: {} },
  };
}

describe('unknownPluginName', () => {
  it('reports a name that cannot be a package, with a suggestion when one is close', () => {
    expect(unknownPluginName('Chain', patterns, 'Chain', [directory])).toEqual({ suggestion: 'chain' });
    expect(unknownPluginName('my pattern', patterns, 'my pattern', [directory])).toEqual({
      suggestion: undefined,
    });
  });

  it('reports an uninstalled unscoped name close to a short name as a typo', () => {
    expect(unknownPluginName('chian', patterns, 'chian', [directory])).toEqual({ suggestion: 'chain' });
  });

  it('loads the package when it is installed, scoped, or not close to any short name', async () => {
    await installExecutor('chian');
    expect(unknownPluginName('chian', patterns, 'chian', [directory])).toBeUndefined();
    expect(unknownPluginName('@acme/chian', patterns, '@acme/chian', [directory])).toBeUndefined();
    expect(unknownPluginName('strands-executor-map', patterns, 'strands-executor-map', [directory])).toBe(
      undefined,
    );
  });
});

describe('unscoped executor packages', () => {
  it('load by their package name', async () => {
    await installExecutor('strands-executor-echo');
    const loaded = await prepareSpec(spec('strands-executor-echo'), {
      plugins: { ...fixturePlugins, searchFrom: [directory] },
    });
    expect(loaded.executor?.id).toBe('strands-executor-echo');
    expect(loaded.capabilityIssues).toEqual([]);
  });

  it('are a spec error naming the package and the install command when missing', async () => {
    const error = await prepareSpec(spec('strands-executor-map'), {
      plugins: { ...fixturePlugins, searchFrom: [directory] },
    }).catch((caught: unknown) => caught);
    expect(SpecValidationError.isInstance(error)).toBe(true);
    const [issue] = (error as SpecValidationError).issues;
    expect(issue).toMatchObject({ pointer: '/pattern/type', code: 'plugin-missing' });
    expect(issue?.message).toBe(
      'pattern type `strands-executor-map` is not built in and its package strands-executor-map is not installed',
    );
    expect(issue?.hint).toContain('pnpm add strands-executor-map');
  });
});
