import { leadScope, type Actor } from '@sarnakh/core';
import type { Kysely } from 'kysely';
import { readJson } from '../json.js';
import type { SarnakhDatabase } from '../schema.js';
import { isUuid } from './leads.js';

export interface ActivityEntry {
  id: string;
  leadId: string;
  type: string;
  actorId: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
}

/** A lead's timeline, newest first, for actors who may see the lead. */
export function createActivityReader(db: Kysely<SarnakhDatabase>) {
  return {
    async forLead(actor: Actor, leadId: string): Promise<ActivityEntry[]> {
      if (!isUuid(leadId)) return [];
      const scope = leadScope(actor);
      let query = db
        .selectFrom('leadActivities')
        .innerJoin('leads', 'leads.id', 'leadActivities.leadId')
        .select([
          'leadActivities.id',
          'leadActivities.leadId',
          'leadActivities.type',
          'leadActivities.actorId',
          'leadActivities.data',
          'leadActivities.createdAt',
        ])
        .where('leadActivities.leadId', '=', leadId);
      if (scope.kind === 'owned') query = query.where('leads.ownerId', '=', scope.ownerId);
      const rows = await query.orderBy('leadActivities.createdAt', 'desc').orderBy('leadActivities.id', 'desc').execute();
      return rows.map((r) => ({ ...r, data: readJson<Record<string, unknown>>(r.data) }));
    },
  };
}
