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
