import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirInUseError, migrate, openDatabase } from './index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sarnakh-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('embedded database in a data folder', () => {
  it('keeps data across restarts and refuses a second process while open', { timeout: 120_000 }, async () => {
    const first = await openDatabase({ dataDir: dir });
    await migrate(first);
    await sql`insert into settings (key, value) values ('probe', '"kept"'::jsonb)`.execute(first.raw);
    await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirInUseError);
    await first.close();

    const reopened = await openDatabase({ dataDir: dir });
    try {
      expect(await migrate(reopened)).toEqual([]);
      const { rows } = await sql<{ value: string }>`select value from settings where key = 'probe'`.execute(reopened.raw);
      expect(rows[0]?.value).toBe('kept');
    } finally {
      await reopened.close();
    }
  });
});

describe('executeSql, for libraries that bring their own SQL', () => {
  it('runs parameterized and multi-statement texts in the database schema', async () => {
    const { openTestDatabase } = await import('./test-support/index.js');
    const database = await openTestDatabase();
    try {
      await database.executeSql('create table exec_probe (n int); insert into exec_probe values (1), (2)');
      const { rows } = await database.executeSql('select n from exec_probe where n > $1 order by n', [0]);
      expect(rows).toEqual([{ n: 1 }, { n: 2 }]);
      const last = await database.executeSql('select 1 as a; select count(*)::int as c from exec_probe');
      expect(last.rows).toEqual([{ c: 2 }]);
    } finally {
      await database.dispose();
    }
  });
});
