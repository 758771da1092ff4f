import { conversionTargets, definePlugin, type ConversionContext } from '@sarnakh/plugin-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './index.js';

/** A plugin whose own record, a project, is a conversion target with an on-convert hook. */
const converted: ConversionContext[] = [];
const projects = definePlugin({
  id: 'projects',
  version: '1.0.0',
  compatibility: '^0.1.0',
  provide(ctx) {
    ctx.register(conversionTargets, {
      id: 'project',
      label: { en: 'Project', fa: 'پروژه', ar: 'مشروع' },
      mapping: { title: 'description' },
      fields: {
        title: { label: { en: 'Title', fa: 'عنوان', ar: 'العنوان' }, accepts: ['text'] },
        budget: { label: { en: 'Budget', fa: 'بودجه', ar: 'الميزانية' }, accepts: ['number', 'money'] },
      },
      onConvert(context) {
        if (context.values.title === 'explode') throw new Error('the project service is down');
        converted.push(context);
      },
    });
  },
});

let t: TestPlatform<readonly [typeof projects]>;
beforeAll(async () => {
  t = await startTestPlatform({ plugins: [projects] });
});
afterAll(() => t.dispose());

describe('a plugin conversion target', () => {
  it('offers its fields as mapping targets, with their kinds checked', async () => {
    const admin = await t.user('admin');
    const { targets, mappings } = await t.as(admin).conversion.getMapping();
    expect(targets.find((x) => x.id === 'project')).toMatchObject({ builtIn: false, fields: { budget: { accepts: ['number', 'money'] } } });
    expect(mappings).toContainEqual({ from: 'description', target: 'project', to: 'title' });

    const refused = await t.as(admin).conversion.updateMapping({ mappings: [{ from: 'company', target: 'project', to: 'budget' }] }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'BAD_REQUEST' });
    expect((refused as { cause: { fields: unknown[] } }).cause.fields).toEqual([expect.objectContaining({ field: 'mappings.0.from', code: 'invalid_type' })]);
    await t.as(admin).conversion.updateMapping({ mappings: [{ from: 'annualRevenue', target: 'project', to: 'budget' }] });
  });

  it('is called after the conversion commits, with the lead, the created ids and its mapped values; lead.converted follows', async () => {
    const agent = await t.user('agent');
    const lead = await t.as(agent).leads.create({ firstName: 'Nima', company: 'Tabriz Carpets', annualRevenue: 900_000, description: 'Showroom fit-out' });
    t.events.clear();
    const ids = await t.as(agent).leads.convert({ id: lead.id, createOrganization: true, createContact: true });

    expect(converted).toHaveLength(1);
    const call = converted[0]!;
    expect(call.created).toEqual(ids);
    expect(call.values).toEqual({ title: 'Showroom fit-out', budget: 900_000 });
    expect(call.lead).toMatchObject({ id: lead.id, convertedAt: expect.any(Date) });
    expect(call.actorId).toBe(agent.id);

    const events = t.events.of('lead.converted');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ lead: { id: lead.id }, actorId: agent.id, from: null, to: call.at });
  });

  it('cannot undo a committed conversion by failing, and is skipped while its plugin is disabled', async () => {
    const admin = await t.user('admin');
    const failing = await t.as(admin).leads.create({ lastName: 'Sadeghi', company: 'Shiraz Tiles', description: 'explode' });
    const ids = await t.as(admin).leads.convert({ id: failing.id, createOrganization: true });
    expect((await t.as(admin).leads.get({ id: failing.id })).convertedAt).toBeInstanceOf(Date);
    expect(await t.as(admin).organizations.get({ id: ids.organizationId! })).toMatchObject({ name: 'Shiraz Tiles' });

    await t.as(admin).plugins.setEnabled({ id: 'projects', enabled: false });
    const before = converted.length;
    const quiet = await t.as(admin).leads.create({ lastName: 'Amini', company: 'Qom Glass' });
    await t.as(admin).leads.convert({ id: quiet.id, createContact: true });
    expect(converted).toHaveLength(before);
    const { targets, mappings } = await t.as(admin).conversion.getMapping();
    expect(targets.map((x) => x.id)).not.toContain('project');
    expect(mappings.some((m) => m.target === 'project')).toBe(false);
    await t.as(admin).plugins.setEnabled({ id: 'projects', enabled: true });
  });
});
