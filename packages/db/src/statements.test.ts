import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sqlRows, statement } from './index';

const base = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/postgres';
const table = `statements_${randomBytes(4).toString('hex')}`;
// One connection, so every call below runs on the same backend (prepared statements are per connection).
const pool = new pg.Pool({ connectionString: base, max: 1 });
const byId = statement('test.byId', `SELECT id, label, at FROM ${table} WHERE id = $1`);

beforeAll(async () => {
  await pool.query(`CREATE TABLE ${table} (id int PRIMARY KEY, label text NOT NULL, at timestamp(3) NOT NULL)`);
  await pool.query(`INSERT INTO ${table} VALUES (1, 'one', '2026-11-30 04:00:00.123'), (2, 'two', '2026-11-30 05:00:00')`);
});
afterAll(async () => {
  await pool.query(`DROP TABLE IF EXISTS ${table}`);
  await pool.end();
});

describe('hand-written queries (sqlRows)', () => {
  it('run as a statement the connection prepared once, and answer each call with its own values', async () => {
    expect(await sqlRows(pool, byId, [1])).toEqual([{ id: 1, label: 'one', at: new Date('2026-11-30T04:00:00.123Z') }]);
    expect(await sqlRows(pool, byId, [2])).toEqual([{ id: 2, label: 'two', at: new Date('2026-11-30T05:00:00.000Z') }]);
    const prepared = await pool.query<{ name: string }>('SELECT name FROM pg_prepared_statements');
    expect(prepared.rows.map((r) => r.name)).toEqual(['test.byId']);
  });

  it('keep working when a migration changes the table under a prepared statement', async () => {
    await sqlRows(pool, byId, [1]);
    await pool.query(`ALTER TABLE ${table} ADD COLUMN extra text`);
    await pool.query(`CREATE INDEX ON ${table} (label)`);
    expect(await sqlRows(pool, byId, [2])).toEqual([{ id: 2, label: 'two', at: new Date('2026-11-30T05:00:00.000Z') }]);
  });
});
