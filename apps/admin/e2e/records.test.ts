import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createLead, eventually, mutate, newContext, signInAdmin, trpc, unique, useBrowser } from './support.js';

const browser = useBrowser();

interface Organization { id: string; name: string }
interface Template { id: string; name: string; body: Record<string, string> }
interface SlaSettings { defaultMinutes: number; targets: { name: string; source?: string; minutes: number }[] }
interface Entry { key: string; retired: boolean; label: { en: string } }

/** The Vuetify input wrapping the element named `name`, for its messages and error class. */
const inputNamed = (page: Page, tag: 'input' | 'textarea', name: string) => page.locator('.v-input').filter({ has: page.locator(`${tag}[name="${name}"]`) });

async function expectError(page: Page, tag: 'input' | 'textarea', name: string) {
  const input = inputNamed(page, tag, name);
  await input.locator('.v-messages__message').first().waitFor();
  // Vuetify sets the error class a tick after the message renders.
  await expect.poll(async () => (await input.getAttribute('class')) ?? '', eventually).toContain('v-input--error');
}

describe('organizations, contacts and opportunities', () => {
  it('creates an organization from its list, opens it, and finds it by search', async () => {
    const context = await newContext(browser());
    await signInAdmin(context);
    const page = await context.newPage();
    await page.goto('/organizations?lang=en');
    const name = unique('Org ');
    await page.getByTestId('add-record').click();
    const form = page.getByTestId('organization-form');
    await form.locator('input[name="name"]').fill(name);
    await form.locator('input[name="city"]').fill('Shiraz');
    await page.locator('.v-dialog').getByRole('button', { name: 'Create', exact: true }).click();

    // A new record opens at once.
    await page.waitForURL(/\/organizations\/[0-9a-f-]{36}/);
    await page.getByTestId('record-title').filter({ hasText: name }).waitFor();
    await page.getByTestId('field-city').filter({ hasText: 'Shiraz' }).waitFor();
    const id = page.url().split('/organizations/')[1]!.split('?')[0]!;
    expect((await trpc<Organization>(context, 'organizations.get', { id })).name).toBe(name);

    // Editing sends only what changed.
    await page.getByTestId('edit-record').click();
    await page.getByTestId('organization-form').locator('input[name="city"]').fill('Tabriz');
    await page.locator('.v-dialog').getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('field-city').filter({ hasText: 'Tabriz' }).waitFor();

    await page.goto('/organizations?lang=en');
    await page.getByTestId('record-search').locator('input').fill(name);
    await page.getByRole('link', { name }).click();
    await page.waitForURL(`**/organizations/${id}`);
    await context.close();
  });

  it('shows an opportunity\'s amount in toman, its close date in Jalali, and links to its organization', async () => {
    const context = await newContext(browser());
    await signInAdmin(context);
    const organization = await mutate<Organization>(context, 'organizations.create', { name: unique('Deal org ') });
    const opportunity = await mutate<{ id: string }>(context, 'opportunities.create', {
      name: unique('Deal '),
      amount: 2500000,
      currency: 'IRT',
      expectedCloseDate: '2026-03-21',
      organizationId: organization.id,
    });
    const page = await context.newPage();
    await page.goto(`/opportunities/${opportunity.id}?lang=en`);
    await page.getByTestId('field-amount').filter({ hasText: '2,500,000 Toman' }).waitFor();
    await page.getByTestId('link-organization').filter({ hasText: organization.name }).click();
    await page.waitForURL(`**/organizations/${organization.id}`);

    // Persian: 2026-03-21 is 1 Farvardin 1405, in Persian digits.
    await page.goto(`/opportunities/${opportunity.id}?lang=fa`);
    await page.getByTestId('field-expectedCloseDate').filter({ hasText: '۱۴۰۵/۰۱/۰۱' }).waitFor();
    await context.close();
  });

  it('puts the server\'s error on the close date input of a new opportunity without one', async () => {
    const context = await newContext(browser());
    await signInAdmin(context);
    const page = await context.newPage();
    await page.goto('/opportunities?lang=en');
    await page.getByTestId('add-record').click();
    await page.getByTestId('opportunity-form').locator('input[name="name"]').fill(unique('No date '));
    await page.locator('.v-dialog').getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByTestId('input-expectedCloseDate').locator('.v-messages').filter({ hasText: 'This field is required.' }).waitFor();
    await context.close();
  });
});

describe('message templates', () => {
  it('creates a template with a placeholder and previews it for a lead', async () => {
    const context = await newContext(browser());
    await signInAdmin(context);
    const firstName = unique('Sara');
    const lead = await createLead(context, { firstName, mobile: `+98912${String(Date.now()).slice(-7)}` });
    const page = await context.newPage();
    await page.goto('/admin/templates?lang=en');
    await page.getByTestId('add-template').click();
    const form = page.getByTestId('template-form');
    const name = unique('Welcome ');
    await form.locator('input[name="name"]').fill(name);
    const body = form.locator('textarea[name="body.en"]');
    await body.fill('Hello ');
    await body.press('End');
    await page.getByTestId('insert-placeholder').click();
    await page.getByTestId('placeholder-firstName').click();
    await expect.poll(() => body.inputValue(), eventually).toBe('Hello {{firstName}}');
    await page.locator('.v-dialog').getByRole('button', { name: 'Create', exact: true }).click();

    const row = page.getByTestId(`template-row-${name}`);
    await row.waitFor();
    const saved = (await trpc<Template[]>(context, 'templates.list', { channel: 'sms' })).find((x) => x.name === name);
    expect(saved?.body.en).toBe('Hello {{firstName}}');

    await row.getByTestId('preview-template').click();
    const preview = page.getByTestId('template-preview');
    await preview.getByTestId('preview-lead').locator('input:not([type="hidden"])').fill(firstName);
    await page.getByRole('option', { name: firstName }).click();
    await preview.getByTestId('rendered-body').filter({ hasText: `Hello ${firstName}` }).waitFor();

    // On the lead's page: the same template, filled in, ready to send as an SMS.
    await page.goto(`/leads/${lead.id}?lang=en`);
    await page.getByTestId('message-from-template').click();
    const dialog = page.getByTestId('template-message');
    await dialog.locator('.v-select').click();
    await page.getByRole('option', { name }).click();
    await dialog.getByTestId('rendered-body').filter({ hasText: `Hello ${firstName}` }).waitFor();
    const href = await page.getByRole('link', { name: 'Send SMS' }).getAttribute('href');
    expect(href).toContain(encodeURIComponent(`Hello ${firstName}`));
    await context.close();
  });

  it('shows the server\'s error on the body when a template has no text', async () => {
    const context = await newContext(browser());
    await signInAdmin(context);
    const page = await context.newPage();
    await page.goto('/admin/templates?lang=en');
    await page.getByTestId('add-template').click();
    await page.getByTestId('template-form').locator('input[name="name"]').fill(unique('Empty '));
    await page.locator('.v-dialog').getByRole('button', { name: 'Create', exact: true }).click();
    await expectError(page, 'textarea', 'body.en');
    await context.close();
  });
});

describe('the response-time SLA settings', () => {
  it('keeps a new target after a reload, and puts an impossible time\'s error on its input', async () => {
    const context = await newContext(browser());
    await signInAdmin(context);
    const sources = (await trpc<Record<string, Entry[]>>(context, 'picklists.list')).source!.filter((v) => !v.retired);
    const source = sources[0]!;
    const page = await context.newPage();
    await page.goto('/admin/sla?lang=en');
    await page.getByTestId('add-target').click();
    const target = page.getByTestId('target-0');
    await target.locator('input[name="targets.0.name"]').fill('Web leads');
    await page.getByTestId('target-source-0').click();
    await page.getByRole('option', { name: source.label.en, exact: true }).click();
    await target.locator('input[name="targets.0.minutes"]').fill('۱۵');
    await page.getByTestId('save-sla').click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();

    await page.reload();
    await expect.poll(() => page.locator('input[name="targets.0.minutes"]').inputValue(), eventually).toBe('15');
    const settings = await trpc<SlaSettings>(context, 'sla.getSettings');
    expect(settings.targets).toEqual([{ name: 'Web leads', source: source.key, minutes: 15 }]);

    // Windows are sent in the order shown, so the server's `businessHours.0.to` is the first one on screen.
    await page.locator('input[name="businessHours.0.to"]').fill('25:00');
    await page.getByTestId('save-sla').click();
    await expectError(page, 'input', 'businessHours.0.to');
    expect((await trpc<SlaSettings>(context, 'sla.getSettings')).targets).toHaveLength(1);
    await context.close();
  });
});
