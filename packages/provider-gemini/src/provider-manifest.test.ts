import { readFileSync } from 'node:fs';
import { providerFactsFromManifest, providerFactsOf } from '@strands-cli/core/loader';
import { describe, expect, it } from 'vitest';
import { geminiProviderPlugin } from './gemini-provider-plugin.js';

describe('package.json "strands-cli" facts', () => {
  it('match the plugin, so validate and plan can read them without importing the package', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(providerFactsFromManifest(manifest)).toEqual(providerFactsOf(geminiProviderPlugin));
  });
});
