import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProviderFacts, providerFactsFromManifest } from './provider-manifest.js';

const facts = {
  kind: 'model-provider',
  id: 'acme',
  defaultModelId: 'acme-large',
  supportedInference: ['temperature'],
};

/** A package `@acme/strands-provider` whose entry throws when imported: reading facts must not import it. */
async function installPackage(manifestExtra: Record<string, unknown>, entrySource: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'strands-manifest-'));
  const directory = join(root, 'node_modules', '@acme', 'strands-provider');
  await mkdir(directory, { recursive: true });
  const manifest = {
    name: '@acme/strands-provider',
    type: 'module',
    exports: './index.js',
    ...manifestExtra,
  };
  await writeFile(join(directory, 'package.json'), JSON.stringify(manifest));
  await writeFile(join(directory, 'index.js'), entrySource);
  return root;
}

const pluginSource = `export default {
  kind: 'model-provider', specificationVersion: 'v1', id: 'acme', version: '1.0.0',
  defaultModelId: 'from-plugin', supportedInference: ['max_tokens'],
  configSchema: { safeParse: (v) => ({ success: true, data: v }), parse: (v) => v },
  credentialVariables: [], resolveSettings: () => ({}), transportKey: () => 'k', create: async () => ({}),
};`;

describe('providerFactsFromManifest', () => {
  it('reads the "strands-cli" facts of a provider package', () => {
    expect(providerFactsFromManifest({ 'strands-cli': facts })).toEqual({
      id: 'acme',
      defaultModelId: 'acme-large',
      supportedInference: ['temperature'],
    });
  });

  it('reads the inference defaults a provider declares', () => {
    const manifest = { 'strands-cli': { ...facts, defaultInference: { max_tokens: 1024 } } };
    expect(providerFactsFromManifest(manifest)?.defaultInference).toEqual({ max_tokens: 1024 });
  });

  it.each([
    ['no key', {}],
    ['a malformed default', { 'strands-cli': { ...facts, defaultInference: { max_tokens: 'many' } } }],
    ['an executor', { 'strands-cli': { ...facts, kind: 'executor' } }],
    ['no default model', { 'strands-cli': { ...facts, defaultModelId: 3 } }],
    ['an unknown parameter', { 'strands-cli': { ...facts, supportedInference: ['seed'] } }],
    ['a string list', { 'strands-cli': { ...facts, supportedInference: 'temperature' } }],
  ])('ignores %s (the plugin stays the source of truth)', (_, manifest) => {
    expect(providerFactsFromManifest(manifest)).toBeUndefined();
  });
});

describe('loadProviderFacts', () => {
  it('takes the facts from package.json without importing the package', async () => {
    const root = await installPackage({ 'strands-cli': facts }, 'throw new Error("imported");');
    const found = await loadProviderFacts('@acme/strands-provider', { searchFrom: [root] });
    expect(found.defaultModelId).toBe('acme-large');
  });

  it('imports the plugin when package.json declares nothing', async () => {
    const root = await installPackage({}, pluginSource);
    const found = await loadProviderFacts('@acme/strands-provider', { searchFrom: [root] });
    expect(found).toEqual({ id: 'acme', defaultModelId: 'from-plugin', supportedInference: ['max_tokens'] });
  });

  it('rejects with the install hint when the package is missing', async () => {
    const root = await mkdtemp(join(tmpdir(), 'strands-manifest-'));
    await expect(loadProviderFacts('@acme/strands-provider', { searchFrom: [root] })).rejects.toThrow(
      /not installed|install/i,
    );
  });
});
