import { ok, type RecordFailure, type Result, searchKey, type Currency, type LeadScope, type Opportunity, type OpportunityWritable, type RecordListQuery, type SalesStage } from '@sarnakh/core';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { OpportunitiesTable, SarnakhDatabase } from '../schema.js';
import { isUuid } from './leads.js';
import { pageRecords } from './record-pages.js';
import { recordTimeline, updateRecord, type PrepareChanges } from './record-store.js';

type Db = Kysely<SarnakhDatabase>;
type Row = Selectable<OpportunitiesTable>;

/** The date as text: a driver's Date would be midnight in some time zone, a day off elsewhere. */
const COLUMNS = sql`id, name, amount, currency, expected_close_date::text as expected_close_date, sales_stage, organization_id,
  contact_id, owner_id, lead_id, version, created_at, updated_at`;

function toOpportunity(row: Omit<Row, 'searchText'>): Opportunity {
  return {
    id: row.id,
    name: row.name,
    amount: row.amount === null ? null : Number(row.amount),
    currency: row.currency as Currency | null,
    expectedCloseDate: String(row.expectedCloseDate),
    salesStage: row.salesStage as SalesStage,
    organizationId: row.organizationId,
    contactId: row.contactId,
    ownerId: row.ownerId,
    leadId: row.leadId,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

async function readOne(db: Db, condition: ReturnType<typeof sql<boolean>>, lock = false): Promise<Opportunity | null> {
  const { rows } = await sql<Row>`select ${COLUMNS} from opportunities where ${condition} ${lock ? sql`for update` : sql``}`.execute(db);
  return rows[0] ? toOpportunity(rows[0]) : null;
}

export async function insertOpportunity(db: Db, values: OpportunityWritable, leadId: string | null, at: Date): Promise<Opportunity> {
  const { id } = await db
    .insertInto('opportunities')
    .values({ ...values, searchText: searchKey(values.name), leadId, createdAt: at, updatedAt: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await readOne(db, sql<boolean>`id = ${id}`))!;
}

const scoped = (scope: LeadScope, id: string) =>
  scope.kind === 'owned' ? sql<boolean>`id = ${id} and owner_id = ${scope.ownerId}` : sql<boolean>`id = ${id}`;

export function createOpportunityRepository(db: Db) {
  return {
    get: (scope: LeadScope, id: string) => (isUuid(id) ? readOne(db, scoped(scope, id)) : Promise.resolve(null)),
    list: (scope: LeadScope, query: RecordListQuery) => pageRecords<Row, Opportunity>(db, 'opportunities', COLUMNS, scope, query, toOpportunity),
    timeline: (id: string) => recordTimeline(db, 'opportunities', id),
    create: async (values: OpportunityWritable, at: Date): Promise<Result<Opportunity, RecordFailure>> => ok(await insertOpportunity(db, values, null, at)),

    update(scope: LeadScope, id: string, version: number, prepare: PrepareChanges<Opportunity, Partial<OpportunityWritable>>, at: Date) {
      return updateRecord<Opportunity, Partial<OpportunityWritable>>(db, id, version, {
        lock: (trx) => readOne(trx, scoped(scope, id), true),
        prepare,
        async write(trx, changes) {
          await trx
            .updateTable('opportunities')
            .set((eb) => ({ ...changes, ...(changes.name ? { searchText: searchKey(changes.name) } : {}), version: eb('version', '+', 1), updatedAt: at }))
            .where('id', '=', id)
            .execute();
          return (await readOne(trx, sql<boolean>`id = ${id}`))!;
        },
      });
    },
  };
}

export type OpportunityRepository = ReturnType<typeof createOpportunityRepository>;
