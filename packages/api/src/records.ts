import {
  conversionTargets,
  createConversionService,
  createFieldCatalog,
  fieldTypes,
  type ConversionService,
  type PicklistSource,
  type PluginHost,
  type PluginLogger,
} from '@sarnakh/core';
import {
  createContactRepository,
  createConversionStore,
  createCustomFieldRepository,
  createLeadStore,
  createOpportunityRepository,
  createOrganizationRepository,
  createUserDirectory,
  type ContactRepository,
  type Database,
  type OpportunityRepository,
  type OrganizationRepository,
} from '@sarnakh/db';

export interface RecordServices {
  organizations: OrganizationRepository;
  contacts: ContactRepository;
  opportunities: OpportunityRepository;
}

/** Organizations, contacts, opportunities, and conversion into them, wired over one database. */
export function createRecordWiring(options: {
  database: Database;
  host: PluginHost;
  logger: PluginLogger;
  picklists: PicklistSource;
}): { records: RecordServices; conversion: ConversionService } {
  const { database, host, logger, picklists } = options;
  const { db } = database;
  const enabledOnly = { enabledOnly: host.isEnabled };
  const customFields = createCustomFieldRepository(db);
  const conversion = createConversionService({
    store: createConversionStore(db),
    leads: createLeadStore(db),
    users: createUserDirectory(db),
    picklists,
    // Read per call: an admin's new custom field can be mapped at once, in every server process.
    async sourceFields() {
      const catalog = createFieldCatalog(await customFields.list(), host.registry.getAll(fieldTypes, enabledOnly));
      return (path) => catalog.resolve(path);
    },
    targets: () => host.registry.getAll(conversionTargets, enabledOnly),
    events: host.hooks,
    onTargetError: ({ target, error }) => logger.error('a conversion target failed after the conversion committed', { target, error }),
  });
  return {
    records: {
      organizations: createOrganizationRepository(db),
      contacts: createContactRepository(db),
      opportunities: createOpportunityRepository(db),
    },
    conversion,
  };
}
