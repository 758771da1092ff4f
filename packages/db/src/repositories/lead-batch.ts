import { randomUUID } from 'node:crypto';
import { leadSearchDocument, type DuplicateKeys, type LeadBatchStore, type LeadBatchTransaction } from '@sarnakh/core';
import { sql, type Kysely } from 'kysely';
import type { LeadRow, SarnakhDatabase } from '../schema.js';
import { toLead } from './lead-mapping.js';
import { createLeadTransaction, dedupLockKeys } from './leads.js';

type Db = Kysely<SarnakhDatabase>;

const columnNames = new Map<string, string>();
/** `firstName` → `first_name`, remembered: a batch asks for the same few dozen names a thousand times. */
function snake(key: string): string {
  let name = columnNames.get(key);
  if (name === undefined) {
    name = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    columnNames.set(key, name);
  }
  return name;
}

/** Every unarchived lead with one of the numbers (in mobile or phone) or emails: one indexed query. */
async function findDuplicates(db: Db, { phones, emails }: DuplicateKeys) {
  if (phones.length === 0 && emails.length === 0) return [];
  const rows = await db
    .selectFrom('leads')
    .selectAll()
    .where('archivedAt', 'is', null)
    .where((eb) =>
      eb.or([
        ...(phones.length > 0 ? [eb('mobile', 'in', [...phones]), eb('phone', 'in', [...phones])] : []),
        ...(emails.length > 0 ? [eb('email', 'in', [...emails])] : []),
      ]),
    )
    .execute();
  return rows.map(toLead);
}

/**
 * The set-based side of lead storage, for `ingestBatch`: a batch's rows go in as one JSON
 * parameter expanded by `json_populate_recordset` — one statement and one round trip per batch on
 * both drivers, where a multi-row VALUES would bind tens of thousands of parameters.
 */
export function createLeadBatchStore(db: Db): LeadBatchStore {
  return {
    findDuplicates: (keys) => findDuplicates(db, keys),
    transaction(work) {
      return db.transaction().execute((trx) => work(createLeadBatchTransaction(trx)));
    },
  };
}

function createLeadBatchTransaction(trx: Db): LeadBatchTransaction {
  return {
    ...createLeadTransaction(trx),
    handle: trx,

    async claimAllDuplicateKeys(keys) {
      const sorted = dedupLockKeys(keys);
      if (sorted.length === 0) return;
      // Sorted as the single ingest sorts them, so the two never deadlock over overlapping keys.
      await sql`select pg_advisory_xact_lock(hashtextextended(k, 0))
        from (select k from json_array_elements_text(cast(${JSON.stringify(sorted)} as text)::json) with ordinality as t(k, n) order by n) s`.execute(trx);
    },

    findDuplicates: (keys) => findDuplicates(trx, keys),

    async insertMany(rows, at) {
      if (rows.length === 0) return [];
      const records = rows.map(({ lead, markers }) => {
        const record: Record<string, unknown> = { id: randomUUID(), version: 1, created_at: at.toISOString(), updated_at: at.toISOString() };
        for (const [key, value] of Object.entries({ ...lead, ...markers })) {
          record[snake(key)] = value instanceof Date ? value.toISOString() : value;
        }
        record.search_text = leadSearchDocument(lead);
        return record;
      });
      const columns = sql.join(Object.keys(records[0]!).map((c) => sql.id(c)));
      const { rows: inserted } = await sql<LeadRow>`insert into leads (${columns})
        select ${columns} from json_populate_recordset(null::leads, cast(${JSON.stringify(records)} as text)::json)
        returning *`.execute(trx);
      const byId = new Map(inserted.map((row) => [row.id, toLead(row)]));
      return records.map((r) => byId.get(r.id as string)!);
    },

    // As the single path records them, in one statement for the whole batch.
    async recordActivities(activities) {
      if (activities.length === 0) return [];
      const stored = activities.map((a) => ({ ...a, id: randomUUID() }));
      const records = stored.map((a) => ({ id: a.id, lead_id: a.leadId, type: a.type, actor_id: a.actorId, data: a.data, created_at: a.at.toISOString() }));
      await sql`insert into lead_activities (id, lead_id, type, actor_id, data, created_at)
        select id, lead_id, type, actor_id, data, created_at
        from json_populate_recordset(null::lead_activities, cast(${JSON.stringify(records)} as text)::json)`.execute(trx);
      return stored;
    },

    async deleteMany(ids) {
      if (ids.length === 0) return;
      await trx.deleteFrom('leads').where('id', 'in', [...ids]).execute();
    },
  };
}
