import type { JournalEntryV1 } from '@strands-cli/core/spec';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureEngineSchema } from './engine-schema.js';
import { createPostgresJournal } from './postgres-journal.js';
import { createFreshDatabase } from './testing/fresh-database.js';

let pool: pg.Pool;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: await createFreshDatabase(inject('postgresAdminUrl')) });
  await ensureEngineSchema(pool);
});

afterAll(async () => {
  await pool.end();
});

function entry(position: string, result: unknown): JournalEntryV1 {
  return {
    position,
    kind: 'model-turn',
    requestHash: `hash-${position}`,
    result,
    at: '2026-12-04T00:00:00.000Z',
  };
}

describe('createPostgresJournal', () => {
  it('reads back what was appended, in append order, exactly (keys, unicode, nested values)', async () => {
    const journal = createPostgresJournal({ pool, runId: 'run-order' });
    const odd = { z: 1, a: [true, null, 'é\u0000😀'], nested: { b: 2.5 } };
    await journal.append(entry('/pattern/config/steps/1#0/turn/0', 'second step'));
    await journal.append(entry('/pattern/config/steps/0#0/turn/0', odd));
    await journal.append(entry('/pattern/config/steps/2#0/turn/0', undefined));
    const read = await journal.read();
    expect(read.map((item) => item.position)).toEqual([
      '/pattern/config/steps/1#0/turn/0',
      '/pattern/config/steps/0#0/turn/0',
      '/pattern/config/steps/2#0/turn/0',
    ]);
    expect(read[1]).toEqual(entry('/pattern/config/steps/0#0/turn/0', odd));
    expect(JSON.stringify(read[1]?.result)).toBe(JSON.stringify(odd));
    expect(read[2]?.result).toBeUndefined();
  });

  it('keeps each run to its own entries', async () => {
    const first = createPostgresJournal({ pool, runId: 'run-a' });
    const second = createPostgresJournal({ pool, runId: 'run-b' });
    await first.append(entry('/p#0', 'a'));
    await second.append(entry('/p#0', 'b'));
    expect((await first.read()).map((item) => item.result)).toEqual(['a']);
    expect((await second.read()).map((item) => item.result)).toEqual(['b']);
    expect(await createPostgresJournal({ pool, runId: 'run-none' }).read()).toEqual([]);
  });

  it('makes an append visible to another connection as soon as it resolves (committed)', async () => {
    const writer = createPostgresJournal({ pool, runId: 'run-durable' });
    await writer.append(entry('/p#0', { ok: true }));
    const other = new pg.Client({ connectionString: pool.options.connectionString });
    await other.connect();
    try {
      const { rows } = await other.query('SELECT result FROM strands.journal WHERE run_id = $1', [
        'run-durable',
      ]);
      expect(rows).toEqual([{ result: '{"ok":true}' }]);
    } finally {
      await other.end();
    }
  });

  it('keeps concurrent appends whole and all of them', async () => {
    const journal = createPostgresJournal({ pool, runId: 'run-concurrent' });
    await Promise.all(
      Array.from({ length: 20 }, (_, index) => journal.append(entry(`/b/${index}#0`, index))),
    );
    const read = await journal.read();
    expect(read.map((item) => item.result).sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 20 }, (_, index) => index),
    );
  });

  it('rejects an append whose result is not JSON', async () => {
    const journal = createPostgresJournal({ pool, runId: 'run-bad' });
    await expect(journal.append(entry('/p#0', 10n))).rejects.toThrow(/BigInt/);
  });
});
