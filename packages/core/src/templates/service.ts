import { leadScope, type Actor } from '../auth/roles.js';
import type { FieldError } from '../errors.js';
import type { Locale } from '../i18n/locales.js';
import type { CustomFieldSource, LeadStore, PicklistSource } from '../lead/ports.js';
import { err, ok, type Result } from '../result.js';
import { renderTemplate, type RenderedMessage } from './render.js';
import { prepareTemplate, type MessageTemplate, type TemplateChannel, type TemplateInput, type TemplateWritable } from './template.js';

/** Storage of templates, implemented by `@sarnakh/db`. */
export interface TemplateStore {
  list(filter: { includeArchived: boolean; channel?: TemplateChannel }): Promise<MessageTemplate[]>;
  get(id: string): Promise<MessageTemplate | null>;
  insert(template: TemplateWritable, createdBy: string | null, at: Date): Promise<MessageTemplate>;
  /** Null when no such template. */
  update(id: string, template: TemplateWritable, at: Date): Promise<MessageTemplate | null>;
  /** Null when no such template; an archived one stays as it is. */
  archive(id: string, at: Date): Promise<MessageTemplate | null>;
}

export interface UserNames {
  /** A user's display name, or null when there is no such user. */
  nameOf(userId: string): Promise<string | null>;
}

export type TemplateFailure =
  | { code: 'VALIDATION'; fields: FieldError[] }
  | { code: 'NOT_FOUND'; entity: 'template' | 'lead'; id: string }
  | { code: 'FORBIDDEN'; reason: string };

export type TemplateResult<T> = Result<T, TemplateFailure>;

export interface TemplateServiceDeps {
  templates: TemplateStore;
  leads: LeadStore;
  users: UserNames;
  picklists: PicklistSource;
  customFields: CustomFieldSource;
  /** IANA zone dates are rendered in; default Asia/Tehran. */
  timeZone?: () => Promise<string> | string;
  now?: () => Date;
}

/** Admins and managers write templates; everyone uses them. */
export const canManageTemplates = (actor: Actor): boolean => actor.role !== 'agent';

export interface RenderRequest {
  templateId: string;
  leadId: string;
  locale: Locale;
}

export function createTemplateService(deps: TemplateServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const forbidden = err<TemplateFailure>({ code: 'FORBIDDEN', reason: 'only managers and admins manage message templates' });
  const notFound = (id: string) => err<TemplateFailure>({ code: 'NOT_FOUND', entity: 'template', id });

  async function prepared(input: TemplateInput, locale: Locale | undefined): Promise<TemplateResult<TemplateWritable>> {
    const result = prepareTemplate(input, await deps.customFields.activeKeys(), locale);
    return result.ok ? result : err({ code: 'VALIDATION', fields: result.error });
  }

  return {
    list(filter: { includeArchived?: boolean; channel?: TemplateChannel } = {}): Promise<MessageTemplate[]> {
      return deps.templates.list({ includeArchived: filter.includeArchived ?? false, ...(filter.channel ? { channel: filter.channel } : {}) });
    },

    async get(id: string): Promise<TemplateResult<MessageTemplate>> {
      const template = await deps.templates.get(id);
      return template ? ok(template) : notFound(id);
    },

    async create(actor: Actor, input: TemplateInput, locale?: Locale): Promise<TemplateResult<MessageTemplate>> {
      if (!canManageTemplates(actor)) return forbidden;
      const checked = await prepared(input, locale);
      if (!checked.ok) return checked;
      return ok(await deps.templates.insert(checked.value, actor.userId, now()));
    },

    /** Change some of a template's parts; the result is checked whole (a new channel may need a subject). */
    async update(actor: Actor, id: string, patch: Partial<TemplateInput>, locale?: Locale): Promise<TemplateResult<MessageTemplate>> {
      if (!canManageTemplates(actor)) return forbidden;
      const current = await deps.templates.get(id);
      if (!current) return notFound(id);
      const checked = await prepared(
        {
          name: patch.name ?? current.name,
          channel: patch.channel ?? current.channel,
          body: patch.body ?? current.body,
          subject: patch.subject === undefined ? current.subject : patch.subject,
        },
        locale,
      );
      if (!checked.ok) return checked;
      const updated = await deps.templates.update(id, checked.value, now());
      return updated ? ok(updated) : notFound(id);
    },

    async archive(actor: Actor, id: string): Promise<TemplateResult<MessageTemplate>> {
      if (!canManageTemplates(actor)) return forbidden;
      const archived = await deps.templates.archive(id, now());
      return archived ? ok(archived) : notFound(id);
    },

    /**
     * The template filled in for a lead the actor may read. Archived templates are not rendered:
     * archiving is how a team stops a message from going out.
     */
    async render(actor: Actor, request: RenderRequest): Promise<TemplateResult<RenderedMessage>> {
      const template = await deps.templates.get(request.templateId);
      if (!template || template.archivedAt !== null) return notFound(request.templateId);
      const lead = await deps.leads.get(leadScope(actor), request.leadId);
      if (!lead) return err({ code: 'NOT_FOUND', entity: 'lead', id: request.leadId });
      const [picklists, ownerName, timeZone] = await Promise.all([
        deps.picklists.load(),
        lead.ownerId === null ? null : deps.users.nameOf(lead.ownerId),
        deps.timeZone?.() ?? 'Asia/Tehran',
      ]);
      return ok(renderTemplate(template, { lead, ownerName, picklists, locale: request.locale, timeZone }));
    },
  };
}

export type TemplateService = ReturnType<typeof createTemplateService>;
