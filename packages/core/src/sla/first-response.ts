import type { Activity } from '../lead/activity.js';
import type { Lead } from '../lead/lead.js';
import type { LeadTransaction } from '../lead/ports.js';
import { businessSecondsBetween } from './calendar.js';
import { calendarOf, type SlaSettings } from './settings.js';

/**
 * Activities that answer a lead: a call, a note, an SMS sent to it. A plugin's own activity counts
 * when its data says `response: true` (a WhatsApp message sent, say).
 */
export function isResponse(activity: Pick<Activity, 'type' | 'data'>): boolean {
  if (activity.type === 'call' || activity.type === 'note' || activity.type === 'sms_sent') return true;
  return activity.type.includes('.') && (activity.data as Record<string, unknown>).response === true;
}

/** Records a lead's first response inside the transaction that logs it; returns the lead as it is then. */
export type FirstResponseRecorder = (tx: LeadTransaction, lead: Lead, activities: readonly Activity[]) => Promise<Lead>;

/**
 * A recorder over the settings read now (before the transaction: inside it only `tx` may touch
 * storage). The first-response time counts business seconds from capture.
 */
export function firstResponseRecorder(settings: SlaSettings): FirstResponseRecorder {
  return async (tx, lead, activities) => {
    if (lead.firstResponseAt !== null) return lead;
    const first = activities.filter(isResponse).sort((a, b) => a.at.getTime() - b.at.getTime())[0];
    if (!first) return lead;
    const seconds = businessSecondsBetween(lead.createdAt, first.at, calendarOf(settings));
    return tx.setFirstResponse(lead.id, first.at, seconds);
  };
}
