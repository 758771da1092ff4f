import { createLeadService, type LeadService } from '@sarnakh/core';
import {
  createActivityReader,
  createCustomFieldSource,
  createLeadStore,
  createPicklistSource,
  createUserDirectory,
  createUserRepository,
  type Database,
} from '@sarnakh/db';
import { createAuth, type Auth, type AuthOptions } from './auth.js';

/** Everything a procedure needs, wired once per process over one database. */
export interface Services {
  database: Database;
  auth: Auth;
  leads: LeadService;
  users: ReturnType<typeof createUserRepository>;
  activities: ReturnType<typeof createActivityReader>;
  picklists: ReturnType<typeof createPicklistSource>;
}

export function createServices(database: Database, auth: Omit<AuthOptions, 'database'>): Services {
  const { db } = database;
  const picklists = createPicklistSource(db);
  return {
    database,
    auth: createAuth({ ...auth, database }),
    leads: createLeadService({
      leads: createLeadStore(db),
      users: createUserDirectory(db),
      picklists,
      customFields: createCustomFieldSource(),
    }),
    users: createUserRepository(db),
    activities: createActivityReader(db),
    picklists,
  };
}
