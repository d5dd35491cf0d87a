import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const sourceRoot = fileURLToPath(new URL('.', import.meta.url));

/** Every module specifier a folder's source files (tests included) import or re-export. */
function importsOf(folder: string): { file: string; specifier: string }[] {
  const found: { file: string; specifier: string }[] = [];
  for (const file of readdirSync(join(sourceRoot, folder))) {
    if (!file.endsWith('.ts')) continue;
    const text = readFileSync(join(sourceRoot, folder, file), 'utf8');
    for (const match of text.matchAll(/(?:import|export)[^'";]*?from\s*'([^']+)'/g)) {
      found.push({ file: `${folder}/${file}`, specifier: match[1] as string });
    }
  }
  return found;
}

// The contract is the bottom layer: a plugin importing it must load nothing else of the core, and
// the helpers beside it may build only on the contract. A newcomer tells from a file's folder what it
// may import; these tests keep that true.
describe('layers', () => {
  it('the contract (spec/v1) imports only its own files and zod', () => {
    const outside = importsOf('spec/v1').filter(
      ({ file, specifier }) =>
        !specifier.startsWith('./') &&
        specifier !== 'zod' &&
        // A test may use test tools and check the core's own error classes against the contract's.
        !(
          file.endsWith('.test.ts') &&
          (specifier === 'vitest' || specifier.startsWith('../../record-replay/'))
        ),
    );
    expect(outside).toEqual([]);
  });

  it('timers (the safe timer bound every layer uses) imports nothing', () => {
    const outside = importsOf('timers').filter(
      ({ specifier }) => !specifier.startsWith('./') && specifier !== 'vitest',
    );
    expect(outside).toEqual([]);
  });

  it('provider-utils and executor-utils import only the contract, timers and their own files', () => {
    for (const folder of ['provider-utils', 'executor-utils']) {
      const outside = importsOf(folder).filter(
        ({ specifier }) =>
          !specifier.startsWith('./') &&
          !specifier.startsWith('../spec/v1/') &&
          !specifier.startsWith('../timers/') &&
          specifier !== 'zod' &&
          specifier !== 'vitest',
      );
      expect(outside).toEqual([]);
    }
  });
});
