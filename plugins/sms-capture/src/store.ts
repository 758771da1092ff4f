import type { LeadScope } from '@sarnakh/core';
import { jsonb } from '@sarnakh/db';
import { sql, type Kysely } from 'kysely';
import type { KeywordRule } from './keywords.js';
import type { InboundSms, LineAccess, ProviderId } from './providers/index.js';

/**
 * The plugin's SQL: lines and the inbox. Every change is one statement, so several server
 * processes (and a retried job) can act on the same message without a read-modify-write race.
 */

type Raw = Kysely<unknown>;

export interface Line extends LineAccess {
  name: string;
  provider: ProviderId;
  autoCreate: boolean;
  keywordRules: KeywordRule[];
  lastPolledAt: Date | null;
  lastPollError: string | null;
  createdAt: Date;
  updatedAt: Date;
}

interface LineRow {
  id: string;
  name: string;
  number: string;
  provider: ProviderId;
  credentials: Record<string, string>;
  secret: string;
  auto_create: boolean;
  keyword_rules: KeywordRule[];
  last_polled_at: Date | string | null;
  last_poll_error: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const date = (value: Date | string): Date => new Date(value);

const toLine = (row: LineRow): Line => ({
  id: row.id,
  name: row.name,
  number: row.number,
  provider: row.provider,
  credentials: row.credentials,
  secret: row.secret,
  autoCreate: row.auto_create,
  keywordRules: row.keyword_rules,
  lastPolledAt: row.last_polled_at === null ? null : date(row.last_polled_at),
  lastPollError: row.last_poll_error,
  createdAt: date(row.created_at),
  updatedAt: date(row.updated_at),
});

const lineColumns = sql`id, name, number, provider, credentials, secret, auto_create, keyword_rules, last_polled_at, last_poll_error, created_at, updated_at`;

export interface NewLine {
  name: string;
  number: string;
  provider: ProviderId;
  credentials: Record<string, string>;
  secret: string;
  autoCreate: boolean;
  keywordRules: KeywordRule[];
}

export async function insertLine(raw: Raw, line: NewLine): Promise<Line> {
  const { rows } = await sql<LineRow>`insert into sms_capture_lines (name, number, provider, credentials, secret, auto_create, keyword_rules)
    values (${line.name}, ${line.number}, ${line.provider}, ${jsonb(line.credentials)}, ${line.secret}, ${line.autoCreate}, ${jsonb(line.keywordRules)})
    returning ${lineColumns}`.execute(raw);
  return toLine(rows[0]!);
}

export async function updateLine(raw: Raw, id: string, line: Omit<NewLine, 'secret'>): Promise<Line | null> {
  const { rows } = await sql<LineRow>`update sms_capture_lines set name = ${line.name}, number = ${line.number}, provider = ${line.provider},
      credentials = ${jsonb(line.credentials)}, auto_create = ${line.autoCreate}, keyword_rules = ${jsonb(line.keywordRules)}, updated_at = now()
    where id = ${id} and deleted_at is null returning ${lineColumns}`.execute(raw);
  return rows[0] ? toLine(rows[0]) : null;
}

export async function setLineSecret(raw: Raw, id: string, secret: string): Promise<Line | null> {
  const { rows } = await sql<LineRow>`update sms_capture_lines set secret = ${secret}, updated_at = now()
    where id = ${id} and deleted_at is null returning ${lineColumns}`.execute(raw);
  return rows[0] ? toLine(rows[0]) : null;
}

/** Lines are retired, not dropped: their messages stay in the inbox and on leads' timelines. */
export async function retireLine(raw: Raw, id: string): Promise<boolean> {
  const { rows } = await sql`update sms_capture_lines set deleted_at = now() where id = ${id} and deleted_at is null returning id`.execute(raw);
  return rows.length > 0;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function lineById(raw: Raw, id: string): Promise<Line | null> {
  if (!UUID.test(id)) return null;
  const { rows } = await sql<LineRow>`select ${lineColumns} from sms_capture_lines where id = ${id} and deleted_at is null`.execute(raw);
  return rows[0] ? toLine(rows[0]) : null;
}

export async function allLines(raw: Raw): Promise<Line[]> {
  const { rows } = await sql<LineRow>`select ${lineColumns} from sms_capture_lines where deleted_at is null order by created_at, id`.execute(raw);
  return rows.map(toLine);
}

export async function recordPoll(raw: Raw, id: string, error: string | null): Promise<void> {
  await sql`update sms_capture_lines set last_polled_at = now(), last_poll_error = ${error} where id = ${id}`.execute(raw);
}

// --- the inbox ---------------------------------------------------------------------------------

export type Handling = 'created' | 'attached' | 'activity' | 'dismissed';

/** A message as stored: what the provider said (but its raw fields), and what became of it. */
export interface StoredMessage extends Omit<InboundSms, 'raw'> {
  id: string;
  lineId: string;
  auto: boolean;
  leadId: string | null;
  handled: Handling | null;
  handledAt: Date | null;
  handledBy: string | null;
  attempts: number;
  lastError: string | null;
}

interface MessageRow {
  id: string;
  line_id: string;
  provider: ProviderId;
  provider_message_id: string;
  from_number: string;
  to_number: string;
  text: string;
  received_at: Date | string;
  auto: boolean;
  lead_id: string | null;
  handled: Handling | null;
  handled_at: Date | string | null;
  handled_by: string | null;
  attempts: number;
  last_error: string | null;
}

const messageColumns = sql`id, line_id, provider, provider_message_id, from_number, to_number, text, received_at, auto, lead_id,
  handled, handled_at, handled_by, attempts, last_error`;

const toMessage = (row: MessageRow): StoredMessage => ({
  id: row.id,
  lineId: row.line_id,
  provider: row.provider,
  providerMessageId: row.provider_message_id,
  from: row.from_number,
  to: row.to_number,
  text: row.text,
  receivedAt: date(row.received_at),
  auto: row.auto,
  leadId: row.lead_id,
  handled: row.handled,
  handledAt: row.handled_at === null ? null : date(row.handled_at),
  handledBy: row.handled_by,
  attempts: Number(row.attempts),
  lastError: row.last_error,
});

/**
 * Store a message unless this line already has it (same provider and id): one
 * `INSERT … ON CONFLICT DO NOTHING`, so simultaneous repeats of a push store it once. A polled
 * message that a push stored under a fingerprint (no provider id) is the same message: it takes
 * the real id instead of being stored again. Returns the new row, or null for a repeat.
 */
export async function storeMessage(raw: Raw, lineId: string, message: InboundSms, auto: boolean): Promise<StoredMessage | null> {
  if (!message.providerMessageId.startsWith('fp:')) {
    const { rows: adopted } = await sql`update sms_capture_messages set provider_message_id = ${message.providerMessageId}
      where id = (select id from sms_capture_messages where line_id = ${lineId} and provider = ${message.provider}
        and provider_message_id like 'fp:%' and from_number = ${message.from} and text = ${message.text}
        and received_at between ${new Date(message.receivedAt.getTime() - 600_000)} and ${new Date(message.receivedAt.getTime() + 600_000)}
        order by received_at limit 1)
      and not exists (select 1 from sms_capture_messages where line_id = ${lineId} and provider = ${message.provider}
        and provider_message_id = ${message.providerMessageId})
      returning id`.execute(raw);
    if (adopted.length > 0) return null;
  }
  const { rows } = await sql<MessageRow>`insert into sms_capture_messages
      (line_id, provider, provider_message_id, from_number, to_number, text, received_at, raw, auto)
    values (${lineId}, ${message.provider}, ${message.providerMessageId}, ${message.from}, ${message.to}, ${message.text},
      ${message.receivedAt}, ${jsonb(message.raw)}, ${auto})
    on conflict (line_id, provider, provider_message_id) do nothing
    returning ${messageColumns}`.execute(raw);
  return rows[0] ? toMessage(rows[0]) : null;
}

export async function messageById(raw: Raw, id: string): Promise<StoredMessage | null> {
  if (!UUID.test(id)) return null;
  const { rows } = await sql<MessageRow>`select ${messageColumns} from sms_capture_messages where id = ${id}`.execute(raw);
  return rows[0] ? toMessage(rows[0]) : null;
}

/** How long one attempt may hold a message before another process may take it over. */
const CLAIM_SECONDS = 300;

/**
 * Take a message for lead work: one conditional update, so of two processes (a job and its
 * retry, a job and the sweep, a click) only one works on it at a time. Null: handled already, or
 * someone else is at it.
 */
export async function claimMessage(raw: Raw, id: string): Promise<StoredMessage | null> {
  const { rows } = await sql<MessageRow>`update sms_capture_messages
    set claimed_until = now() + make_interval(secs => ${CLAIM_SECONDS}), attempts = attempts + 1
    where id = ${id} and handled is null and (claimed_until is null or claimed_until < now())
    returning ${messageColumns}`.execute(raw);
  return rows[0] ? toMessage(rows[0]) : null;
}

/** The lead step failed: keep why, and let the next attempt take it at once. */
export async function releaseMessage(raw: Raw, id: string, error: string): Promise<void> {
  await sql`update sms_capture_messages set claimed_until = null, last_error = ${error.slice(0, 2_000)} where id = ${id}`.execute(raw);
}

/** Remember the lead before the timeline step, so a retry after a crash does not capture the sender twice. */
export async function setMessageLead(raw: Raw, id: string, leadId: string): Promise<void> {
  await sql`update sms_capture_messages set lead_id = ${leadId} where id = ${id}`.execute(raw);
}

export async function markHandled(raw: Raw, id: string, handling: Handling, by: string | null, leadId: string | null): Promise<StoredMessage | null> {
  const { rows } = await sql<MessageRow>`update sms_capture_messages
    set handled = ${handling}, handled_at = now(), handled_by = ${by}, lead_id = coalesce(${leadId}, lead_id), claimed_until = null, last_error = null
    where id = ${id} and handled is null
    returning ${messageColumns}`.execute(raw);
  return rows[0] ? toMessage(rows[0]) : null;
}

/** After this many failed attempts the sweep leaves a message to a person (it stays in the inbox, with its last error). */
export const MAX_ATTEMPTS = 20;

/** Auto-mode messages still without a lead that nobody holds, oldest first, received before `before`. */
export async function pendingMessages(raw: Raw, before: Date, limit: number): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select id from sms_capture_messages
    where handled is null and auto and created_at <= ${before} and attempts < ${MAX_ATTEMPTS}
      and (claimed_until is null or claimed_until < now())
    order by created_at limit ${limit}`.execute(raw);
  return rows.map((r) => r.id);
}

export interface InboxQuery {
  /**
   * Whose messages: an agent sees the shared queue (messages not yet tied to a lead) and the
   * messages of leads they own, never the conversations of another agent's leads.
   */
  scope: LeadScope;
  lineId?: string | undefined;
  handled?: boolean | undefined;
  from?: string | undefined;
  to?: string | undefined;
  search?: string | undefined;
  receivedFrom?: Date | undefined;
  receivedTo?: Date | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** The cursor is the last row's `received_at` and id: stable while new messages arrive at the top. */
const encodeCursor = (m: StoredMessage) => Buffer.from(JSON.stringify([m.receivedAt.toISOString(), m.id])).toString('base64url');

export function decodeCursor(cursor: string): [Date, string] | null {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const when = new Date(at);
    return typeof id === 'string' && UUID.test(id) && !Number.isNaN(when.getTime()) ? [when, id] : null;
  } catch {
    return null;
  }
}

/** Newest first. `search` matches the text or the sender's number, case-insensitively. */
export async function listInbox(raw: Raw, q: InboxQuery): Promise<{ items: StoredMessage[]; nextCursor: string | null }> {
  const where = [sql`true`];
  if (q.scope.kind === 'owned') {
    where.push(sql`(lead_id is null or exists (select 1 from leads l where l.id = lead_id and l.owner_id = ${q.scope.ownerId}))`);
  }
  if (q.lineId) where.push(sql`line_id = ${q.lineId}`);
  if (q.handled !== undefined) where.push(q.handled ? sql`handled is not null` : sql`handled is null`);
  if (q.from) where.push(sql`from_number = ${q.from}`);
  if (q.to) where.push(sql`to_number = ${q.to}`);
  if (q.receivedFrom) where.push(sql`received_at >= ${q.receivedFrom}`);
  if (q.receivedTo) where.push(sql`received_at < ${q.receivedTo}`);
  if (q.search) {
    const like = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(text ilike ${like} or from_number like ${like})`);
  }
  if (q.cursor) {
    const position = decodeCursor(q.cursor);
    if (position) where.push(sql`(received_at, id) < (${position[0]}, ${position[1]}::uuid)`);
  }
  const { rows } = await sql<MessageRow>`select ${messageColumns} from sms_capture_messages
    where ${sql.join(where, sql` and `)} order by received_at desc, id desc limit ${q.limit + 1}`.execute(raw);
  const items = rows.slice(0, q.limit).map(toMessage);
  return { items, nextCursor: rows.length > q.limit ? encodeCursor(items[items.length - 1]!) : null };
}

/** The open lead a sender already is (by mobile or phone), the most recently active one. */
export async function leadByPhone(raw: Raw, e164: string): Promise<string | null> {
  const { rows } = await sql<{ id: string }>`select id from leads
    where (mobile = ${e164} or phone = ${e164}) and archived_at is null
    order by updated_at desc limit 1`.execute(raw);
  return rows[0]?.id ?? null;
}

/** A lead's SMS, both ways, oldest first: what the lead page's SMS panel shows. */
export async function smsOfLead(raw: Raw, leadId: string): Promise<{ id: string; type: string; at: Date; data: Record<string, unknown> }[]> {
  const { rows } = await sql<{ id: string; type: string; created_at: Date | string; data: Record<string, unknown> }>`select id, type, created_at, data
    from lead_activities where lead_id = ${leadId} and type in ('sms_received', 'sms_sent') order by created_at, id`.execute(raw);
  return rows.map((r) => ({ id: r.id, type: r.type, at: date(r.created_at), data: r.data }));
}
