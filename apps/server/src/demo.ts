import { createUserAccount, type Services } from '@sarnakh/api';
import { createLeadService, type Actor } from '@sarnakh/core';
import { createCustomFieldSource, createLeadStore, createPicklistSource, createUserDirectory } from '@sarnakh/db';
import { demoAgents, demoLeads } from '@sarnakh/demo-data';
import type { Logger } from 'pino';

export const DEMO_PASSWORD = 'sarnakh-demo';
const LEAD_COUNT = 400;
const AGENT_COUNT = 6;

/**
 * Fill an empty installation with demo agents and a few hundred leads. Leads go through the lead
 * service like any other capture path, each created at its own past moment.
 */
export async function loadDemoData(services: Services, admin: Actor, logger: Logger): Promise<void> {
  const agents = [];
  for (const agent of demoAgents(AGENT_COUNT)) {
    const created = await createUserAccount(services, { ...agent, password: DEMO_PASSWORD });
    if (created.ok) agents.push(created.value);
  }
  const { db } = services.database;
  // The service's clock is set to each demo lead's own moment, so history spreads over past days.
  let clock = new Date();
  const service = createLeadService({
    leads: createLeadStore(db),
    users: createUserDirectory(db),
    picklists: createPicklistSource(db),
    customFields: createCustomFieldSource(db),
    now: () => clock,
  });
  let created = 0;
  for (const lead of demoLeads({ count: LEAD_COUNT, agentCount: agents.length })) {
    const { ownerIndex, script: _script, createdAt, ...input } = lead;
    const owner = ownerIndex === null ? null : agents[ownerIndex];
    clock = createdAt;
    const result = await service.create(admin, { ...input, ownerId: owner?.id ?? null });
    if (result.ok) created++;
    else logger.warn({ failure: result.error }, 'demo lead rejected');
  }
  logger.info({ agents: agents.length, leads: created, password: DEMO_PASSWORD }, 'demo data loaded: agents sign in with this password');
}
