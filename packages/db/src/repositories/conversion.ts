import type { ConversionMapping, ConversionStore, ConversionTransaction } from '@sarnakh/core';
import { sql, type Kysely } from 'kysely';
import type { SarnakhDatabase } from '../schema.js';
import { findContactByKeys, insertContact } from './contacts.js';
import { createLeadTransaction } from './leads.js';
import { insertOpportunity } from './opportunities.js';
import { findOrganizationByNameKey, insertOrganization } from './organizations.js';

type Db = Kysely<SarnakhDatabase>;

/** The conversion mapping rows and the conversion transaction over core's records and the lead's. */
export function createConversionStore(db: Db): ConversionStore {
  return {
    async loadMappings() {
      return db.selectFrom('conversionMappings').select(['from', 'target', 'to']).orderBy('target').orderBy('to').execute();
    },

    async saveMappings(rows: readonly ConversionMapping[]) {
      if (rows.length === 0) return;
      await db
        .insertInto('conversionMappings')
        .values(rows.map(({ from, target, to }) => ({ from, target, to })))
        .onConflict((oc) => oc.columns(['target', 'to']).doUpdateSet((eb) => ({ from: eb.ref('excluded.from'), updatedAt: new Date() })))
        .execute();
    },

    async removeMappings(keys) {
      if (keys.length === 0) return 0;
      const removed = await db
        .deleteFrom('conversionMappings')
        .where((eb) => eb.or(keys.map((k) => eb.and([eb('target', '=', k.target), eb('to', '=', k.to)]))))
        .returning('target')
        .execute();
      return removed.length;
    },

    transaction(work) {
      return db.transaction().execute((trx) => work(createConversionTransaction(trx)));
    },
  };
}

function createConversionTransaction(trx: Db): ConversionTransaction {
  return {
    leads: createLeadTransaction(trx),

    async claimKeys(keys) {
      // Sorted, so two conversions claiming overlapping keys take them in the same order (no deadlock).
      for (const key of [...keys].sort()) {
        await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
      }
    },

    findOrganization: (nameKey) => findOrganizationByNameKey(trx, nameKey),
    createOrganization: async (values, leadId, at) => (await insertOrganization(trx, values, leadId, at)).id,
    findContact: (keys) => findContactByKeys(trx, keys),
    createContact: async (values, leadId, at) => (await insertContact(trx, values, leadId, at)).id,
    createOpportunity: async (values, leadId, at) => (await insertOpportunity(trx, values, leadId, at)).id,

    async linkHistory(leadId, ids) {
      const links = {
        organizationId: ids.organizationId ?? null,
        contactId: ids.contactId ?? null,
        opportunityId: ids.opportunityId ?? null,
      };
      if (!links.organizationId && !links.contactId && !links.opportunityId) return;
      await trx
        .updateTable('leadActivities')
        .set((eb) => ({
          organizationId: links.organizationId ?? eb.ref('organizationId'),
          contactId: links.contactId ?? eb.ref('contactId'),
          opportunityId: links.opportunityId ?? eb.ref('opportunityId'),
        }))
        .where('leadId', '=', leadId)
        .execute();
      // `tasks` belongs to the tasks feature (migration 0006_tasks_sla); open = not completed.
      await sql`update tasks set
          organization_id = coalesce(${links.organizationId}::uuid, organization_id),
          contact_id = coalesce(${links.contactId}::uuid, contact_id),
          opportunity_id = coalesce(${links.opportunityId}::uuid, opportunity_id)
        where lead_id = ${leadId} and completed_at is null`.execute(trx);
    },
  };
}
