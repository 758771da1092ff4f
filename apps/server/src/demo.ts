import { createUserAccount, type Services } from '@sarnakh/api';
import { createLeadService, type Actor } from '@sarnakh/core';
import { createCustomFieldSource, createLeadStore, createPicklistSource, createUserDirectory } from '@sarnakh/db';
import { demoAgents, demoLeads } from '@sarnakh/demo-data';
import type { Logger } from 'pino';

export const DEMO_PASSWORD = 'sarnakh-demo';
const LEAD_COUNT = 400;
/** The newest demo leads that keep their response-time clock. */
const LIVE_SLA_LEADS = 5;
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
  const owned: { leadId: string; owner: Actor }[] = [];
  for (const lead of demoLeads({ count: LEAD_COUNT, agentCount: agents.length })) {
    const { ownerIndex, script: _script, createdAt, ...input } = lead;
    const owner = ownerIndex === null ? null : agents[ownerIndex];
    clock = createdAt;
    const result = await service.create(admin, { ...input, ownerId: owner?.id ?? null });
    if (!result.ok) {
      logger.warn({ failure: result.error }, 'demo lead rejected');
      continue;
    }
    created++;
    if (owner) owned.push({ leadId: result.value.id, owner: { userId: owner.id, role: owner.role } });
  }
  // Demo leads are history: only the newest few start a response-time clock (and so show a missed
  // deadline in the app), not hundreds of leads captured days ago breaching at the first sweep.
  await db
    .updateTable('leads')
    .set({ slaState: 'none' })
    .where('slaState', '=', 'pending')
    .where('id', 'not in', db.selectFrom('leads').select('id').orderBy('createdAt', 'desc').limit(LIVE_SLA_LEADS))
    .execute();
  const followUps = await loadDemoFollowUps(services, owned.slice(-DAY_OF_WORK), new Date(), logger);
  logger.info({ agents: agents.map((a) => `${a.email} (${a.role})`), leads: created, ...followUps, password: DEMO_PASSWORD }, 'demo data loaded: agents sign in with this password');
}

/** How many of the newest owned leads get a working history: calls, notes and open follow-ups. */
const DAY_OF_WORK = 120;
const HOUR = 3_600_000;

const taskTitles = ['تماس پیگیری', 'ارسال پیش‌فاکتور', 'هماهنگی جلسه معرفی محصول', 'پیگیری پرداخت', 'ارسال کاتالوگ'] as const;
const callResults = ['answered', 'no_answer', 'call_back', 'interested', 'busy'] as const;
const notes = ['مشتری قیمت عمده را خواست؛ پیش‌فاکتور بفرستم.', 'هفته بعد دوباره تماس بگیرم، الان در سفر است.', 'به نسخه سازمانی علاقه دارد.'] as const;

/**
 * An agent's day to open the app to: each lead's owner has logged calls and notes on some leads and
 * has follow-ups overdue, due today and coming up, so "my tasks", reminders and the timeline have
 * something in them. Everything goes through the same services as the web app.
 */
async function loadDemoFollowUps(services: Services, leads: { leadId: string; owner: Actor }[], now: Date, logger: Logger) {
  let calls = 0;
  let tasks = 0;
  for (const [i, { leadId, owner }] of leads.entries()) {
    if (i % 3 === 0) {
      const called = await services.followUps.contacts.logCall(owner, { leadId, result: callResults[i % callResults.length]!, note: notes[i % notes.length]!, at: new Date(now.getTime() - (i % 48) * HOUR) });
      if (called.ok) calls++;
      else logger.warn({ failure: called.error }, 'demo call rejected');
    } else if (i % 3 === 1) {
      const noted = await services.followUps.contacts.addNote(owner, { leadId, body: notes[i % notes.length]! });
      if (!noted.ok) logger.warn({ failure: noted.error }, 'demo note rejected');
    }
    if (i % 2 === 0) {
      // Spread over two days back (overdue), today and the next four days.
      // Within office hours in Tehran (UTC+3:30): 10:00 to 14:00 local.
      const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 6, 30));
      const dueAt = new Date(day.getTime() + ((i % 7) - 2) * 24 * HOUR + (i % 5) * HOUR);
      const task = await services.followUps.tasks.create(owner, { leadId, title: taskTitles[i % taskTitles.length]!, type: i % 4 === 0 ? 'call' : 'follow_up', dueAt, urgent: false }, 'fa');
      if (task.ok) tasks++;
      else logger.warn({ failure: task.error }, 'demo task rejected');
    }
  }
  return { calls, tasks };
}
