import { leadScope, type Actor } from '../auth/roles.js';
import type { LeadFailure } from '../errors.js';
import type { ConversionIds, ConversionTarget } from '../extensions/points.js';
import type { Locale } from '../i18n/locales.js';
import type { Lead } from '../lead/lead.js';
import type { LeadEventSink } from '../lead/ingest.js';
import { checkOwner } from '../lead/owner.js';
import type { LeadStore, PicklistSource, UserDirectory } from '../lead/ports.js';
import { organizationNameKey } from '../records/names.js';
import { err, ok, type Result } from '../result.js';
import {
  checkMappings,
  conversionTargetCatalog,
  effectiveMappings,
  type ConversionMapping,
  type SourceFieldResolver,
  type TargetInfo,
} from './mapping.js';
import { planConversion, type ConvertInput } from './plan.js';
import type { ConversionStore } from './ports.js';

export type ConversionFailure =
  | LeadFailure
  | { code: 'ALREADY_CONVERTED'; id: string; convertedAt: Date }
  /** A merged lead lives on in its survivor: that is the one to convert. */
  | { code: 'MERGED'; id: string; into: string };

export interface ConversionServiceDeps {
  store: ConversionStore;
  leads: LeadStore;
  users: UserDirectory;
  picklists: PicklistSource;
  /** Resolves lead field paths (built-in and `custom.<key>`) to their stored kind, as of now. */
  sourceFields: () => Promise<SourceFieldResolver>;
  /** The enabled plugins' conversion targets. */
  targets: () => readonly ConversionTarget[];
  events?: LeadEventSink;
  onTargetError?: (failure: { target: string; error: unknown }) => void;
  now?: () => Date;
}

export interface ConversionMappingView {
  mappings: ConversionMapping[];
  targets: TargetInfo[];
}

/** Lead conversion and its mapping. Orchestration over the storage ports: no SQL, no HTTP. */
export function createConversionService(deps: ConversionServiceDeps) {
  const now = deps.now ?? (() => new Date());

  async function mappingState() {
    const plugins = deps.targets();
    const targets = conversionTargetCatalog(plugins);
    const [stored, resolve] = await Promise.all([deps.store.loadMappings(), deps.sourceFields()]);
    return { plugins, targets, resolve, mappings: effectiveMappings(stored, targets, plugins) };
  }

  /** Tell each plugin target, after the commit; one that throws is reported and skipped. */
  async function notifyTargets(plugins: readonly ConversionTarget[], lead: Lead, created: ConversionIds, values: Record<string, Record<string, unknown>>, actorId: string, at: Date) {
    for (const target of plugins) {
      if (!target.onConvert) continue;
      try {
        await target.onConvert({ lead, created, values: values[target.id] ?? {}, actorId, at });
      } catch (error) {
        deps.onTargetError?.({ target: target.id, error });
      }
    }
  }

  async function getMapping(): Promise<ConversionMappingView> {
    const { mappings, targets } = await mappingState();
    return { mappings, targets: [...targets.values()] };
  }

  return {
    getMapping,

    async updateMapping(rows: readonly ConversionMapping[], locale?: Locale): Promise<Result<ConversionMappingView, ConversionFailure>> {
      const { targets, resolve } = await mappingState();
      const errors = checkMappings(rows, targets, resolve, locale);
      if (errors.length > 0) return err({ code: 'VALIDATION', fields: errors });
      await deps.store.saveMappings(rows);
      return ok(await getMapping());
    },

    async removeMapping(keys: readonly Pick<ConversionMapping, 'target' | 'to'>[]): Promise<ConversionMappingView & { removed: number }> {
      const removed = await deps.store.removeMappings(keys);
      return { ...(await getMapping()), removed };
    },

    /**
     * Convert a lead in one transaction: create (or link the matching existing) organization and
     * contact, create the opportunity, move the lead's history onto them, mark the lead converted
     * with a `converted` activity. `lead.converted` and the plugin targets follow the commit.
     */
    async convert(actor: Actor, input: ConvertInput, locale?: Locale): Promise<Result<ConversionIds, ConversionFailure>> {
      const before = await deps.leads.get(leadScope(actor), input.id);
      if (!before) return err({ code: 'NOT_FOUND', id: input.id });
      const ownerId = input.assignTo === undefined || input.assignTo === null ? (before.ownerId ?? actor.userId) : input.assignTo.trim();
      if (input.assignTo !== undefined && input.assignTo !== null) {
        const problem = await checkOwner(deps.users, actor, ownerId, locale);
        if (problem) return err(problem);
      }
      const [state, picklists] = await Promise.all([mappingState(), deps.picklists.load()]);
      const at = now();

      const written = await deps.store.transaction(async (tx): Promise<Result<{ lead: Lead; ids: ConversionIds; pluginValues: Record<string, Record<string, unknown>> }, ConversionFailure>> => {
        const [lead] = await tx.leads.lock(leadScope(actor), [input.id]);
        if (!lead) return err({ code: 'NOT_FOUND', id: input.id });
        if (lead.convertedAt) return err({ code: 'ALREADY_CONVERTED', id: lead.id, convertedAt: lead.convertedAt });
        if (lead.mergedIntoId) return err({ code: 'MERGED', id: lead.id, into: lead.mergedIntoId });
        if (input.version !== undefined && input.version !== lead.version) return err({ code: 'CONFLICT', id: lead.id, currentVersion: lead.version });
        const plan = planConversion(lead, state.mappings, input, ownerId, { picklists, resolve: state.resolve, targets: state.targets, locale });
        if (!plan.ok) return err({ code: 'VALIDATION', fields: plan.error });
        const { organization, contact, opportunity } = plan.value;

        const ids: ConversionIds = {};
        const linked = { organization: false, contact: false };
        const nameKey = organization ? organizationNameKey(organization.name) : null;
        const contactKeys = { mobile: contact?.mobile ?? null, email: contact?.email ?? null };
        await tx.claimKeys([
          ...(nameKey ? [`organization:${nameKey}`] : []),
          ...(contactKeys.mobile ? [`contact:mobile:${contactKeys.mobile}`] : []),
          ...(contactKeys.email ? [`contact:email:${contactKeys.email}`] : []),
        ]);
        if (organization && nameKey) {
          const existing = await tx.findOrganization(nameKey);
          linked.organization = existing !== null;
          ids.organizationId = existing ?? (await tx.createOrganization(organization, lead.id, at));
        }
        if (contact) {
          const existing = contactKeys.mobile || contactKeys.email ? await tx.findContact(contactKeys) : null;
          linked.contact = existing !== null;
          ids.contactId = existing ?? (await tx.createContact({ ...contact, organizationId: ids.organizationId ?? null }, lead.id, at));
        }
        if (opportunity) {
          ids.opportunityId = await tx.createOpportunity(
            { ...opportunity, organizationId: ids.organizationId ?? null, contactId: ids.contactId ?? null },
            lead.id,
            at,
          );
        }
        const converted = await tx.leads.update(lead.id, { convertedAt: at }, at);
        await tx.leads.recordActivities([
          { leadId: lead.id, actorId: actor.userId, at, type: 'converted', data: { ...ids, linked } },
        ]);
        await tx.linkHistory(lead.id, ids);
        return ok({ lead: converted, ids, pluginValues: plan.value.pluginValues });
      });
      if (!written.ok) return written;

      const { lead, ids, pluginValues } = written.value;
      await deps.events?.emit('lead.converted', { lead, actorId: actor.userId, at, from: null, to: at });
      await notifyTargets(state.plugins, lead, ids, pluginValues, actor.userId, at);
      return ok(ids);
    },
  };
}

export type ConversionService = ReturnType<typeof createConversionService>;
