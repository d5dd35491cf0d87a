import { UsageError } from '@strands-cli/core/spec';
import { describe, expect, it } from 'vitest';
import { databaseUrlOf } from './database-flags.js';

const url = 'postgres://user:secret@db.example:5432/strands';

describe('databaseUrlOf', () => {
  it('takes --database first, then STRANDS_DATABASE_URL, else none (a local run)', () => {
    expect(databaseUrlOf({ database: url }, { STRANDS_DATABASE_URL: 'postgresql://other/db' })).toBe(url);
    expect(databaseUrlOf({}, { STRANDS_DATABASE_URL: ` ${url} ` })).toBe(url);
    expect(databaseUrlOf({}, {})).toBeUndefined();
    expect(databaseUrlOf({}, { STRANDS_DATABASE_URL: '' })).toBeUndefined();
  });

  it('refuses what is not a PostgreSQL URL, naming where it came from', () => {
    expect(() => databaseUrlOf({ database: 'mysql://x' }, {})).toThrow('--database is not a PostgreSQL URL');
    expect(() => databaseUrlOf({}, { STRANDS_DATABASE_URL: 'db.example' })).toThrow(
      'STRANDS_DATABASE_URL is not a PostgreSQL URL',
    );
  });

  it('refuses local-session flags and a lone --new-run, as usage errors', () => {
    for (const flags of [
      { database: url, resume: 'abc' },
      { database: url, autoResume: true },
      { newRun: true },
    ]) {
      let thrown: unknown;
      try {
        databaseUrlOf(flags, {});
      } catch (error) {
        thrown = error;
      }
      expect(UsageError.isInstance(thrown)).toBe(true);
    }
  });
});
