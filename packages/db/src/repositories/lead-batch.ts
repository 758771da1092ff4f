import { randomUUID } from 'node:crypto';
import { leadSearchDocument, type DuplicateKeys, type Lead, type LeadBatchStore, type LeadBatchTransaction, type LeadMarkers, type LeadWritable } from '@sarnakh/core';
import { sql, type Kysely } from 'kysely';
import type { SarnakhDatabase } from '../schema.js';
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

/** Leads as `insertMany` stored them: what it wrote, and the columns' defaults for the rest. */
function storedLead(lead: LeadWritable, markers: LeadMarkers, id: string, at: Date): Lead {
  const { pluginScore: _pluginScore, ...stored } = markers;
  return {
    score: 0,
    qualification: 'cold',
    archivedAt: null,
    convertedAt: null,
    mergedIntoId: null,
    mergedAt: null,
    nextTaskAt: null,
    nextTaskTitle: null,
    firstResponseAt: null,
    firstResponseSeconds: null,
    slaDueAt: null,
    slaBreachedAt: null,
    ...lead,
    ...stored,
    id,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

/** The column stores cents (`numeric(20,2)`): round here so the lead handed back is what is stored. */
const cents = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

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

    // Nothing is read back: the ids are made here, and every other column is either written or
    // left at its default, so the stored leads are known without a `returning *` to decode.
    async insertMany(rows, at, { responseSla }) {
      if (rows.length === 0) return [];
      const stamp = at.toISOString();
      const leads = rows.map(({ lead, markers }) => storedLead({ ...lead, annualRevenue: cents(lead.annualRevenue) }, markers, randomUUID(), at));
      const records = rows.map(({ lead, markers }, i) => {
        const record: Record<string, unknown> = { id: leads[i]!.id, version: 1, created_at: stamp, updated_at: stamp };
        for (const [key, value] of Object.entries(lead)) record[snake(key)] = value instanceof Date ? value.toISOString() : value;
        for (const [key, value] of Object.entries(markers)) record[snake(key)] = value instanceof Date ? value.toISOString() : value;
        record.annual_revenue = leads[i]!.annualRevenue;
        record.search_text = leadSearchDocument(lead);
        // No clock: 'none' is the state the SLA sweep never arms nor breaches.
        if (!responseSla) record.sla_state = 'none';
        return record;
      });
      const columns = sql.join(Object.keys(records[0]!).map((c) => sql.id(c)));
      await sql`insert into leads (${columns})
        select ${columns} from json_populate_recordset(null::leads, cast(${JSON.stringify(records)} as text)::json)`.execute(trx);
      return leads;
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
