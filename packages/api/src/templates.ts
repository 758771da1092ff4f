import { createTemplateService, type PicklistSource, type TemplateService } from '@sarnakh/core';
import { createCustomFieldSource, createLeadStore, createTemplateStore, createUserNames, type Database } from '@sarnakh/db';

/** Message templates over the database; leads are read in the caller's scope. */
export function createTemplateWiring(database: Database, picklists: PicklistSource): TemplateService {
  const { db } = database;
  return createTemplateService({
    templates: createTemplateStore(db),
    leads: createLeadStore(db),
    users: createUserNames(db),
    picklists,
    customFields: createCustomFieldSource(db),
  });
}
