import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkBoundaries, formatStale, formatViolation } from './check-boundaries.js';
import { readRepository } from './read-repository.js';
import { knownViolations, layerOf } from './rules.js';

const repository = readRepository(fileURLToPath(new URL('../../../', import.meta.url)));

describe('the repository keeps its architecture boundaries (rules.ts)', () => {
  const report = checkBoundaries(repository, knownViolations);

  it('reads the workspace packages and their sources', () => {
    expect(repository.packages.map(({ name }) => name)).toContain('@strands-cli/core');
    expect(repository.files.some(({ path }) => path === 'packages/core/src/spec/v1/index.ts')).toBe(true);
  });

  it('places every workspace package in a layer of the diagram', () => {
    const unplaced = repository.packages.filter(({ directory }) => layerOf(directory) === undefined);
    expect(unplaced.map(({ directory }) => `${directory}: add it to layerByPath in rules.ts`)).toEqual([]);
  });

  it('has no violation beyond the known ones', () => {
    expect(report.unexpected.map(formatViolation)).toEqual([]);
  });

  it('lists no known violation that is gone', () => {
    expect(report.stale.map(formatStale)).toEqual([]);
  });
});
