import {
  checkOwner,
  fieldError,
  leadScope,
  prepareRecord,
  prepareRecordPatch,
  normalizeRecordField,
  recordFields,
  type Picklists,
  type RecordField,
  recordListInputSchema,
  toRecordListQuery,
  type Actor,
  type FieldError,
  type Locale,
  type RecordFailure,
  type RecordKind,
  type RecordTypes,
  type LeadScope,
  type RecordListQuery,
  type RecordPage,
  type Result,
} from '@sarnakh/core';
import { createUserDirectory, InvalidCursorError, type ActivityEntry } from '@sarnakh/db';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { Context } from '../context.js';
import { badRequest, leadFailureToError } from '../errors.js';
import type { Services } from '../services.js';
import { authedProcedure, router } from '../trpc.js';

const id = z.string().min(1).max(100);
const nouns: Record<RecordKind, string> = { organization: 'Organization', contact: 'Contact', opportunity: 'Opportunity' };

export function recordFailureToError(kind: RecordKind, failure: RecordFailure): TRPCError {
  const noun = nouns[kind];
  switch (failure.code) {
    case 'VALIDATION':
      return badRequest(failure.fields);
    case 'NOT_FOUND':
      return new TRPCError({ code: 'NOT_FOUND', message: `${noun} ${failure.id} was not found.` });
    case 'CONFLICT':
      return new TRPCError({
        code: 'CONFLICT',
        message: `${noun} ${failure.id} was changed by someone else (now at version ${failure.currentVersion}); reload it and try again.`,
      });
    case 'DUPLICATE':
      return new TRPCError({ code: 'CONFLICT', message: `An organization with the same name already exists: ${failure.id}.` });
  }
}

/** The record a reference field points at: which repository, under which field name. */
const references: { [K in RecordKind]: readonly { field: string; record: 'organizations' | 'contacts' }[] } = {
  organization: [],
  contact: [{ field: 'organizationId', record: 'organizations' }],
  opportunity: [
    { field: 'organizationId', record: 'organizations' },
    { field: 'contactId', record: 'contacts' },
  ],
};

/**
 * The owner may be given (agents: only themselves) and must be active; references must name
 * existing records. Errors name the field.
 */
async function checkLinks(ctx: Context & { actor: Actor }, kind: RecordKind, values: Record<string, unknown>): Promise<FieldError[] | TRPCError> {
  if ('ownerId' in values) {
    const problem = await checkOwner(createUserDirectory(ctx.services.database.db), ctx.actor, (values.ownerId as string | null) ?? null, ctx.locale);
    if (problem) return leadFailureToError(problem);
  }
  const errors: FieldError[] = [];
  for (const ref of references[kind]) {
    const target = values[ref.field];
    if (typeof target !== 'string') continue;
    const found = await ctx.services.records[ref.record].get({ kind: 'all' }, target);
    if (!found) errors.push(fieldError(ref.field, 'unknown_value', ctx.locale));
  }
  return errors;
}

/** The owner and reference fields of a patch, normalized; invalid ones are left to the full check. */
function linkValues(kind: RecordKind, patch: Record<string, unknown>, picklists: Picklists): Record<string, unknown> {
  const fields: Record<string, RecordField> = recordFields[kind];
  const out: Record<string, unknown> = {};
  for (const name of ['ownerId', ...references[kind].map((r) => r.field)]) {
    const field = fields[name];
    if (!field || !(name in patch)) continue;
    const outcome = normalizeRecordField(field.kind, patch[name], picklists);
    if ('value' in outcome) out[name] = outcome.value;
  }
  return out;
}

type Repository<K extends RecordKind> = {
  get(scope: LeadScope, id: string): Promise<RecordTypes[K]['record'] | null>;
  list(scope: LeadScope, query: RecordListQuery): Promise<RecordPage<RecordTypes[K]['record']>>;
  timeline(id: string): Promise<ActivityEntry[]>;
  create(values: RecordTypes[K]['writable'], at: Date): Promise<Result<RecordTypes[K]['record'], RecordFailure>>;
  update(
    scope: LeadScope,
    id: string,
    version: number,
    prepare: (current: RecordTypes[K]['record']) => Result<Partial<RecordTypes[K]['writable']>, FieldError[]>,
    at: Date,
  ): Promise<Result<RecordTypes[K]['record'], RecordFailure>>;
};

/**
 * `list`, `get`, `create`, `update` and `activities` for one kind of record. Agents see and change
 * only the records they own, like leads; managers and admins see all.
 */
export function recordRouter<K extends RecordKind, S extends z.ZodObject>(kind: K, inputSchema: S, repository: (services: Services) => Repository<K>) {
  async function prepared(ctx: { services: Services; locale: Locale }) {
    return { picklists: await ctx.services.picklists.load(), locale: ctx.locale };
  }

  return router({
    list: authedProcedure.input(recordListInputSchema.default({ limit: 50 })).query(async ({ ctx, input }) => {
      try {
        return await repository(ctx.services).list(leadScope(ctx.actor), toRecordListQuery(input));
      } catch (error) {
        if (error instanceof InvalidCursorError) throw badRequest([fieldError('cursor', 'invalid_value', ctx.locale)]);
        throw error;
      }
    }),

    get: authedProcedure.input(z.strictObject({ id })).query(async ({ ctx, input }) => {
      const found = await repository(ctx.services).get(leadScope(ctx.actor), input.id);
      if (!found) throw recordFailureToError(kind, { code: 'NOT_FOUND', id: input.id });
      return found;
    }),

    /** The history linked to the record: the activities of the lead(s) it was converted from. */
    activities: authedProcedure.input(z.strictObject({ id })).query(async ({ ctx, input }) => {
      const found = await repository(ctx.services).get(leadScope(ctx.actor), input.id);
      if (!found) throw recordFailureToError(kind, { code: 'NOT_FOUND', id: input.id });
      return repository(ctx.services).timeline(input.id);
    }),

    create: authedProcedure.input(inputSchema).mutation(async ({ ctx, input }) => {
      const given = input as Record<string, unknown>;
      const values = prepareRecord(kind, { ...given, ownerId: given.ownerId ?? ctx.actor.userId }, await prepared(ctx));
      if (!values.ok) throw badRequest(values.error);
      const links = await checkLinks(ctx, kind, values.value as Record<string, unknown>);
      if (links instanceof TRPCError) throw links;
      if (links.length > 0) throw badRequest(links);
      const created = await repository(ctx.services).create(values.value, new Date());
      if (!created.ok) throw recordFailureToError(kind, created.error);
      return created.value;
    }),

    update: authedProcedure
      .input(z.strictObject({ id, version: z.number().int().min(1), patch: inputSchema.partial() }))
      .mutation(async ({ ctx, input }) => {
        const patch = input.patch as Record<string, unknown>;
        const context = await prepared(ctx);
        // Links are checked before the transaction: inside it only its own connection may be used.
        const links = await checkLinks(ctx, kind, linkValues(kind, patch, context.picklists));
        if (links instanceof TRPCError) throw links;
        if (links.length > 0) throw badRequest(links);
        const updated = await repository(ctx.services).update(
          leadScope(ctx.actor),
          input.id,
          input.version,
          (current) => prepareRecordPatch(kind, current, patch, context),
          new Date(),
        );
        if (!updated.ok) throw recordFailureToError(kind, updated.error);
        return updated.value;
      }),
  });
}
