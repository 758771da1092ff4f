import { randomBytes } from 'node:crypto';
import { fieldError, leadScope, type Actor, type Locale, type Role } from '@sarnakh/core';
import { badRequest, leadFailureToError, pluginTrpc, type PluginServices } from '@sarnakh/plugin-sdk';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { captureMessage, type CaptureFailure } from './capture.js';
import { webhookUrl } from './inbound.js';
import { keywordRuleSchema } from './keywords.js';
import { sendToLead } from './outbound.js';
import { pollable, pollLine } from './poll.js';
import { providerIds, providers, type ProviderId } from './providers/index.js';
import { plainNumber, senderE164 } from './providers/shared.js';
import type { SmsCaptureSettings } from './settings.js';
import {
  allLines,
  insertLine,
  lineById,
  listInbox,
  markHandled,
  retireLine,
  setLineSecret,
  smsOfLead,
  updateLine,
  type Line,
  type StoredMessage,
} from './store.js';

const t = pluginTrpc('sms-capture');

/** Credentials that are secrets: shown to nobody once saved, only whether they are set. */
const SECRET_CREDENTIALS = new Set(['apiKey', 'password', 'authToken']);

const newSecret = () => randomBytes(24).toString('base64url');

const settingsOf = (services: PluginServices) => services.settings<SmsCaptureSettings>();

/**
 * A line as the web app sees it: secret credentials masked, with its webhook URL to copy. A URL
 * that carries the line's secret is shown to admins only (managers see it with the secret masked).
 */
function lineView(services: PluginServices, line: Line, role: Role) {
  const credentials: Record<string, string> = {};
  for (const [key, value] of Object.entries(line.credentials)) credentials[key] = SECRET_CREDENTIALS.has(key) ? '••••' : value;
  return {
    id: line.id,
    name: line.name,
    number: line.number,
    provider: line.provider,
    credentials,
    autoCreate: line.autoCreate,
    keywordRules: line.keywordRules,
    webhookUrl: webhookUrl(settingsOf(services), role === 'admin' ? line : { ...line, secret: '••••' }),
    polling: pollable(line),
    lastPolledAt: line.lastPolledAt,
    lastPollError: line.lastPollError,
    createdAt: line.createdAt,
    updatedAt: line.updatedAt,
  };
}

const messageView = (m: StoredMessage) => ({
  id: m.id,
  lineId: m.lineId,
  provider: m.provider,
  providerMessageId: m.providerMessageId,
  from: m.from,
  to: m.to,
  text: m.text,
  receivedAt: m.receivedAt,
  auto: m.auto,
  handled: m.handled !== null,
  handling: m.handled,
  handledAt: m.handledAt,
  handledBy: m.handledBy,
  leadId: m.leadId,
  attempts: m.attempts,
  lastError: m.lastError,
});

const id = z.string().trim().min(1).max(100);
const credentialsInput = z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/), z.string().max(2_000)).refine((c) => Object.keys(c).length <= 20);
const lineFields = {
  name: z.string().trim().min(1).max(200),
  number: z.string().trim().min(2).max(40).transform(plainNumber).pipe(z.string().regex(/^\+?\d{2,20}$/, 'digits, with an optional leading +')),
  provider: z.enum(providerIds),
  credentials: credentialsInput,
  autoCreate: z.boolean(),
  keywordRules: z.array(keywordRuleSchema).max(100),
};

/** Every credential the provider needs, or a field error naming the missing one. */
function checkCredentials(provider: ProviderId, credentials: Record<string, string>, locale: Locale) {
  const missing = providers[provider].requiredCredentials.filter((key) => !credentials[key]);
  if (missing.length > 0) throw badRequest(missing.map((key) => fieldError(`credentials.${key}`, 'required', locale)));
  if (credentials.baseUrl !== undefined && credentials.baseUrl !== '' && !URL.canParse(credentials.baseUrl)) {
    throw badRequest([fieldError('credentials.baseUrl', 'invalid_url', locale)]);
  }
  if (credentials.sendUrl !== undefined && credentials.sendUrl !== '' && !URL.canParse(credentials.sendUrl)) {
    throw badRequest([fieldError('credentials.sendUrl', 'invalid_url', locale)]);
  }
}

async function lineOr404(services: PluginServices, lineId: string): Promise<Line> {
  const line = await lineById(services.database.raw, lineId);
  if (!line) throw new TRPCError({ code: 'NOT_FOUND', message: `SMS line ${lineId} was not found.` });
  return line;
}

function captureError(failure: CaptureFailure, messageId: string): TRPCError {
  switch (failure.code) {
    case 'NOT_FOUND':
      return new TRPCError({ code: 'NOT_FOUND', message: `Message ${messageId} was not found.` });
    case 'BUSY':
      return new TRPCError({ code: 'CONFLICT', message: `Message ${messageId} is being turned into a lead right now; reload the inbox.` });
    case 'DISMISSED':
      return new TRPCError({ code: 'CONFLICT', message: `Message ${messageId} was dismissed.` });
    case 'LEAD':
      return leadFailureToError(failure.failure);
  }
}

/** An SMS template's text for a lead; an unknown, archived or non-SMS template is a field error. */
async function renderedTemplate(services: PluginServices, actor: Actor, leadId: string, templateId: string, locale: Locale): Promise<string> {
  const rendered = await services.templates.render(actor, { templateId, leadId, locale });
  if (!rendered.ok) {
    const failure = rendered.error;
    if (failure.code === 'NOT_FOUND' && failure.entity === 'lead') throw leadFailureToError({ code: 'NOT_FOUND', id: leadId });
    if (failure.code === 'VALIDATION') throw badRequest(failure.fields);
    if (failure.code === 'FORBIDDEN') throw new TRPCError({ code: 'FORBIDDEN', message: `Not allowed: ${failure.reason}.` });
    throw badRequest([fieldError('templateId', 'unknown_value', locale)]);
  }
  if (rendered.value.channel !== 'sms') throw badRequest([fieldError('templateId', 'invalid_value', locale)]);
  return rendered.value.body;
}

/** A number typed in a filter, as stored: E.164 when it is a phone number, else its digits. */
const asStoredNumber = (raw: string) => senderE164(raw) ?? plainNumber(raw);

export const smsCaptureRouter = t.router({
  lines: t.router({
    /** Add a line; answers its id, its secret (shown once here and on rotation) and the URL to give the provider. */
    create: t.adminProcedure
      .input(
        z.strictObject({
          ...lineFields,
          credentials: lineFields.credentials.default({}),
          autoCreate: lineFields.autoCreate.default(false),
          keywordRules: lineFields.keywordRules.default([]),
        }),
      )
      .mutation(async ({ ctx, input }) => {
        checkCredentials(input.provider, input.credentials, ctx.locale);
        const line = await insertLine(ctx.plugin.database.raw, { ...input, secret: newSecret() });
        return { id: line.id, secret: line.secret, webhookUrl: webhookUrl(settingsOf(ctx.plugin), line) };
      }),

    list: t.roleProcedure('manager', 'admin').query(async ({ ctx }) =>
      (await allLines(ctx.plugin.database.raw)).map((line) => lineView(ctx.plugin, line, ctx.actor.role)),
    ),

    /** Change a line; fields left out keep their value. Credentials merge by key; an empty string removes one. */
    update: t.adminProcedure
      .input(
        z.strictObject({
          id,
          name: lineFields.name.optional(),
          number: lineFields.number.optional(),
          provider: lineFields.provider.optional(),
          credentials: lineFields.credentials.optional(),
          autoCreate: lineFields.autoCreate.optional(),
          keywordRules: lineFields.keywordRules.optional(),
        }),
      )
      .mutation(async ({ ctx, input }) => {
        const current = await lineOr404(ctx.plugin, input.id);
        const credentials = { ...current.credentials };
        for (const [key, value] of Object.entries(input.credentials ?? {})) {
          if (value === '') delete credentials[key];
          else credentials[key] = value;
        }
        const next = {
          name: input.name ?? current.name,
          number: input.number ?? current.number,
          provider: input.provider ?? current.provider,
          credentials,
          autoCreate: input.autoCreate ?? current.autoCreate,
          keywordRules: input.keywordRules ?? current.keywordRules,
        };
        checkCredentials(next.provider, next.credentials, ctx.locale);
        const updated = await updateLine(ctx.plugin.database.raw, input.id, next);
        if (!updated) throw new TRPCError({ code: 'NOT_FOUND', message: `SMS line ${input.id} was not found.` });
        return lineView(ctx.plugin, updated, ctx.actor.role);
      }),

    /** A new secret: pushes signed with (or URLs carrying) the old one are refused from now on. */
    rotateSecret: t.adminProcedure.input(z.strictObject({ id })).mutation(async ({ ctx, input }) => {
      const line = await setLineSecret(ctx.plugin.database.raw, input.id, newSecret());
      if (!line) throw new TRPCError({ code: 'NOT_FOUND', message: `SMS line ${input.id} was not found.` });
      return { id: line.id, secret: line.secret, webhookUrl: webhookUrl(settingsOf(ctx.plugin), line) };
    }),

    /** Retire a line: its webhook answers 404 from now on; its messages stay in the inbox. */
    delete: t.adminProcedure.input(z.strictObject({ id })).mutation(async ({ ctx, input }) => {
      if (!(await retireLine(ctx.plugin.database.raw, input.id))) throw new TRPCError({ code: 'NOT_FOUND', message: `SMS line ${input.id} was not found.` });
      return { id: input.id };
    }),

    /** Poll the provider now for messages a push missed (the cron does this every few minutes). */
    poll: t.roleProcedure('manager', 'admin')
      .input(z.strictObject({ id }))
      .mutation(async ({ ctx, input }) => {
        const line = await lineOr404(ctx.plugin, input.id);
        if (!pollable(line)) throw badRequest([fieldError('id', 'invalid_value', ctx.locale)]);
        try {
          return { stored: await pollLine(ctx.plugin, line, globalThis.fetch) };
        } catch (error) {
          throw new TRPCError({ code: 'BAD_GATEWAY', message: error instanceof Error ? error.message : String(error) });
        }
      }),
  }),

  inbox: t.router({
    /** Received messages, newest first; agents see unclaimed messages and their own leads' (see `InboxQuery.scope`). */
    list: t.authedProcedure
      .input(
        z.strictObject({
          lineId: id.optional(),
          handled: z.boolean().optional(),
          from: z.string().trim().min(1).max(100).optional(),
          to: z.string().trim().min(1).max(100).optional(),
          search: z.string().trim().min(1).max(200).optional(),
          cursor: z.string().max(500).nullish(),
          limit: z.number().int().min(1).max(200).default(50),
        }),
      )
      .query(async ({ ctx, input }) => {
        const page = await listInbox(ctx.plugin.database.raw, {
          scope: leadScope(ctx.actor),
          lineId: input.lineId,
          handled: input.handled,
          from: input.from === undefined ? undefined : asStoredNumber(input.from),
          to: input.to === undefined ? undefined : plainNumber(input.to),
          search: input.search,
          cursor: input.cursor ?? undefined,
          limit: input.limit,
        });
        return { items: page.items.map(messageView), nextCursor: page.nextCursor };
      }),

    /**
     * One click: the sender becomes a lead through the ingest pipeline (or the SMS joins the lead
     * they already are), and the message is marked handled.
     */
    createLead: t.authedProcedure.input(z.strictObject({ messageId: id })).mutation(async ({ ctx, input }) => {
      const result = await captureMessage(ctx.plugin, input.messageId, { mode: 'manual', actor: ctx.actor, locale: ctx.locale });
      if (!result.ok) throw captureError(result.error, input.messageId);
      return { leadId: result.value.leadId };
    }),

    /** The bulk button: each message on its own, so one bad message does not stop the rest. */
    createLeads: t.authedProcedure
      .input(z.strictObject({ messageIds: z.array(id).min(1).max(200) }))
      .mutation(async ({ ctx, input }) => {
        const results: { messageId: string; leadId: string | null; error: string | null }[] = [];
        for (const messageId of new Set(input.messageIds)) {
          const result = await captureMessage(ctx.plugin, messageId, { mode: 'manual', actor: ctx.actor, locale: ctx.locale });
          results.push(
            result.ok
              ? { messageId, leadId: result.value.leadId, error: null }
              : { messageId, leadId: null, error: captureError(result.error, messageId).message },
          );
        }
        return { results };
      }),

    /** Not a lead (spam, a wrong number): handled, with nothing created. */
    dismiss: t.authedProcedure.input(z.strictObject({ messageId: id })).mutation(async ({ ctx, input }) => {
      const message = await markHandled(ctx.plugin.database.raw, input.messageId, 'dismissed', ctx.actor.userId, null).catch(() => null);
      if (!message) throw new TRPCError({ code: 'CONFLICT', message: `Message ${input.messageId} is not in the inbox unhandled.` });
      return messageView(message);
    }),
  }),

  /**
   * Send an SMS to a lead from one of the lines: `text`, or a message template (`templateId`, an
   * SMS template rendered for the lead in the caller's language). It joins the lead's timeline
   * with the provider's status.
   */
  send: t.authedProcedure
    .input(
      z
        .strictObject({ leadId: id, lineId: id, text: z.string().trim().min(1).max(1_000).optional(), templateId: id.optional() })
        .refine((input) => (input.text === undefined) !== (input.templateId === undefined), {
          message: 'Give the text or a template, not both.',
          path: ['text'],
        }),
    )
    .mutation(async ({ ctx, input }) => {
      const line = await lineById(ctx.plugin.database.raw, input.lineId);
      if (!line) throw badRequest([fieldError('lineId', 'unknown_value', ctx.locale)]);
      const text = input.text ?? (await renderedTemplate(ctx.plugin, ctx.actor, input.leadId, input.templateId!, ctx.locale));
      const sent = await sendToLead(ctx.plugin, ctx.actor, line, input.leadId, text, globalThis.fetch);
      if (sent.ok) return sent.value;
      switch (sent.error.code) {
        case 'LEAD':
          throw leadFailureToError(sent.error.failure);
        case 'NO_NUMBER':
          throw badRequest([fieldError('leadId', 'invalid_phone', ctx.locale)]);
        case 'PROVIDER':
          throw new TRPCError({ code: 'BAD_GATEWAY', message: sent.error.message });
      }
    }),

  /** A lead's SMS both ways, oldest first (the lead page's SMS panel). */
  thread: t.authedProcedure.input(z.strictObject({ leadId: id })).query(async ({ ctx, input }) => {
    const lead = await ctx.plugin.leads.get(ctx.actor, input.leadId);
    if (!lead.ok) throw leadFailureToError(lead.error);
    return smsOfLead(ctx.plugin.database.raw, input.leadId);
  }),
});
