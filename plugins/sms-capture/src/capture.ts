import { err, ok, type Actor, type LeadFailure, type Locale, type Result, type SmsActivity } from '@sarnakh/core';
import type { PluginServices } from '@sarnakh/plugin-sdk';
import { sql } from 'kysely';
import { matchKeywords } from './keywords.js';
import {
  claimMessage,
  leadByPhone,
  lineById,
  markHandled,
  messageById,
  releaseMessage,
  setMessageLead,
  type Handling,
  type StoredMessage,
} from './store.js';

/** Why a message could not become (part of) a lead. */
export type CaptureFailure =
  | { code: 'NOT_FOUND' }
  /** Another process holds it right now (a job and a click at once). */
  | { code: 'BUSY' }
  /** It was dismissed: nothing to create. */
  | { code: 'DISMISSED' }
  | { code: 'LEAD'; failure: LeadFailure };

export interface Captured {
  leadId: string;
  handling: Handling;
}

export interface CaptureOptions {
  /**
   * `auto`: a sender who is already a lead gets the SMS on that lead's timeline, anyone else a new
   * lead. `manual` (the inbox's button): always through the ingest pipeline, attaching to an
   * existing lead of the same mobile.
   */
  mode: 'auto' | 'manual';
  /** Who clicked; null for the system (auto mode). Agents become the new lead's owner. */
  actor: Actor | null;
  locale?: Locale;
}

/** Thrown by auto mode so the job is retried; the message stays stored either way. */
export class CaptureError extends Error {
  constructor(readonly failure: CaptureFailure) {
    super(failure.code === 'LEAD' ? `lead step failed: ${JSON.stringify(failure.failure)}` : failure.code);
    this.name = 'CaptureError';
  }
}

const smsData = (message: StoredMessage): SmsActivity => ({
  lineId: message.lineId,
  from: message.from,
  to: message.to,
  text: message.text,
  provider: message.provider,
  providerMessageId: message.providerMessageId,
});

/**
 * Turn one stored message into a lead or a timeline entry, once. The message is claimed first (a
 * job, its retry, the sweep and a click cannot work on it together); the lead it lands on is
 * written to the message before the timeline step, so an attempt that dies halfway is finished,
 * not repeated, by the next one. A failure releases the message with the reason, for a retry.
 */
export async function captureMessage(services: PluginServices, messageId: string, options: CaptureOptions): Promise<Result<Captured, CaptureFailure>> {
  const raw = services.database.raw;
  const message = await claimMessage(raw, messageId);
  if (!message) {
    const current = await messageById(raw, messageId);
    if (!current) return err({ code: 'NOT_FOUND' });
    if (current.handled === 'dismissed') return err({ code: 'DISMISSED' });
    if (current.handled && current.leadId) return ok({ leadId: current.leadId, handling: current.handled });
    return err({ code: 'BUSY' });
  }
  try {
    const result = await leadStep(services, message, options);
    if (!result.ok) {
      await releaseMessage(raw, message.id, JSON.stringify(result.error.failure));
      return result;
    }
    return result;
  } catch (error) {
    await releaseMessage(raw, message.id, error instanceof Error ? error.message : String(error));
    throw error;
  }
}

async function leadStep(
  services: PluginServices,
  message: StoredMessage,
  options: CaptureOptions,
): Promise<Result<Captured, { code: 'LEAD'; failure: LeadFailure }>> {
  const raw = services.database.raw;
  let leadId = message.leadId;
  let handling: Handling = 'activity';
  if (leadId === null) {
    const known = options.mode === 'auto' ? await leadByPhone(raw, message.from) : null;
    if (known) {
      leadId = known;
    } else {
      const line = await lineById(raw, message.lineId);
      const matched = matchKeywords(line?.keywordRules ?? [], message.text);
      const ingested = await services.leads.ingest({
        input: {
          mobile: message.from,
          source: matched.source ?? 'sms',
          channel: 'sms',
          channelIdentifier: line?.number ?? message.to,
        },
        actor: options.actor,
        duplicatePolicy: 'attach',
        origin: {
          channel: 'sms',
          detail: {
            lineId: message.lineId,
            line: line?.number ?? message.to,
            messageId: message.id,
            text: message.text,
            campaign: matched.campaign,
            tags: matched.tags.length > 0 ? matched.tags.join(',') : null,
          },
        },
        ...(options.locale ? { locale: options.locale } : {}),
      });
      if (!ingested.ok) return err({ code: 'LEAD', failure: ingested.error });
      leadId = ingested.value.lead.id;
      handling = ingested.value.status;
    }
    await setMessageLead(raw, message.id, leadId);
  } else {
    // An earlier attempt found or made the lead and stopped before the end.
    handling = message.handled ?? 'activity';
  }

  if (!(await hasSmsActivity(services, leadId, message))) {
    const logged = await services.leads.logActivity(null, leadId, { type: 'sms_received', data: smsData(message) });
    if (!logged.ok) return err({ code: 'LEAD', failure: logged.error });
  }
  await markHandled(raw, message.id, handling, options.actor?.userId ?? null, leadId);
  return ok({ leadId, handling });
}

/** Whether an earlier attempt already put this message on the lead's timeline. */
async function hasSmsActivity(services: PluginServices, leadId: string, message: StoredMessage): Promise<boolean> {
  const { rows } = await sql`select 1 from lead_activities where lead_id = ${leadId} and type = 'sms_received'
    and data->>'lineId' = ${message.lineId} and data->>'providerMessageId' = ${message.providerMessageId} limit 1`.execute(
    services.database.raw,
  );
  return rows.length > 0;
}
