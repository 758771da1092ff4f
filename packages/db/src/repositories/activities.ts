import { leadScope, type Actor } from '@sarnakh/core';
import type { Kysely } from 'kysely';
import { readJson } from '../json.js';
import type { SarnakhDatabase } from '../schema.js';
import { isUuid } from './leads.js';
import { timeKeyset } from './time-keyset.js';

export interface ActivityEntry {
  id: string;
  leadId: string;
  type: string;
  actorId: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
}

export interface ActivityPage {
  items: ActivityEntry[];
  nextCursor: string | null;
}

const timeline = timeKeyset('activities', 'desc', 'leadActivities.createdAt');

/** A lead's timeline, newest first, for actors who may see the lead. */
export function createActivityReader(db: Kysely<SarnakhDatabase>) {
  function query(actor: Actor, leadId: string) {
    const scope = leadScope(actor);
    let q = db
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
    if (scope.kind === 'owned') q = q.where('leads.ownerId', '=', scope.ownerId);
    return q.orderBy('leadActivities.createdAt', 'desc').orderBy('leadActivities.id', 'desc');
  }

  return {
    /** The whole timeline (for small timelines and tests; screens page with `page`). */
    async forLead(actor: Actor, leadId: string): Promise<ActivityEntry[]> {
      if (!isUuid(leadId)) return [];
      const rows = await query(actor, leadId).execute();
      return rows.map((r) => ({ ...r, data: readJson<Record<string, unknown>>(r.data) }));
    },

    /** One page of the timeline, newest first, by keyset over `(createdAt, id)`. */
    async page(actor: Actor, leadId: string, options: { cursor?: string | null | undefined; limit: number }): Promise<ActivityPage> {
      if (!isUuid(leadId)) return { items: [], nextCursor: null };
      const after = timeline.after(options.cursor);
      const rows = await query(actor, leadId)
        .select(timeline.key.as('sortKey'))
        .$if(after !== null, (q) => q.where(after!))
        .limit(options.limit + 1)
        .execute();
      const { rows: page, nextCursor } = timeline.page(rows, options.limit);
      return { items: page.map((r) => ({ ...r, data: readJson<Record<string, unknown>>(r.data) })), nextCursor };
    },
  };
}
