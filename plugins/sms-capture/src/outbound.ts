import { err, ok, type Actor, type Activity, type LeadFailure, type Result } from '@sarnakh/core';
import type { PluginServices } from '@sarnakh/plugin-sdk';
import { providers, ProviderError, type Fetch } from './providers/index.js';
import type { Line } from './store.js';

export type SendFailure =
  | { code: 'LEAD'; failure: LeadFailure }
  /** The lead has neither a mobile nor a phone. */
  | { code: 'NO_NUMBER' }
  | { code: 'PROVIDER'; message: string };

export interface Sent {
  activityId: string;
  to: string;
  providerMessageId: string | null;
  status: string | null;
}

/**
 * Send an SMS to a lead through the line's provider and put it on the lead's timeline with the
 * provider's status. The actor must be allowed to see the lead; nothing is logged when the
 * provider refuses (the caller shows its error).
 */
export async function sendToLead(
  services: PluginServices,
  actor: Actor,
  line: Line,
  leadId: string,
  text: string,
  fetch: Fetch,
): Promise<Result<Sent, SendFailure>> {
  const lead = await services.leads.get(actor, leadId);
  if (!lead.ok) return err({ code: 'LEAD', failure: lead.error });
  const to = lead.value.mobile ?? lead.value.phone;
  if (!to) return err({ code: 'NO_NUMBER' });
  let sent;
  try {
    sent = await providers[line.provider].send(line, to, text, fetch);
  } catch (error) {
    if (error instanceof ProviderError) {
      services.logger.warn('an SMS provider refused a message', { lineId: line.id, error: error.message });
      return err({ code: 'PROVIDER', message: error.message });
    }
    throw error;
  }
  const logged = await services.leads.logActivity(actor, leadId, {
    type: 'sms_sent',
    data: { lineId: line.id, from: line.number, to, text, provider: line.provider, providerMessageId: sent.providerMessageId, status: sent.status },
  });
  if (!logged.ok) return err({ code: 'LEAD', failure: logged.error });
  const activity: Activity = logged.value.activity;
  return ok({ activityId: activity.id, to, providerMessageId: sent.providerMessageId, status: sent.status });
}
