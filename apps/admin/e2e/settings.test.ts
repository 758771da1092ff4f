import { describe, expect, it } from 'vitest';
import { createLead, mutate, newContext, signInAdmin, trpc, unique, useBrowser } from './support.js';

const browser = useBrowser();

interface Field { key: string; type: string; label: { en: string }; archivedAt: string | null }
interface Entry { key: string; retired: boolean }

describe('the settings screens', () => {
  it('creates a custom field as admin, and a lead saves a value in it', async () => {
    const context = await newContext(browser());
    await signInAdmin(context);
    const page = await context.newPage();
    await page.goto('/admin/fields?lang=en');
    const key = unique('budget').toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 40);
    await page.getByTestId('add-field').click();
    const form = page.getByTestId('field-form');
    await form.locator('input[name="key"]').fill(key);
    await form.locator('input[name="label.fa"]').fill('بودجه');
    await form.locator('input[name="label.ar"]').fill('الميزانية');
    await form.locator('input[name="label.en"]').fill('Budget');
    await page.locator('.v-dialog').getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByTestId(`field-row-${key}`).waitFor();

    const fields = await trpc<Field[]>(context, 'fields.list', { includeArchived: false });
    expect(fields.find((f) => f.key === key)).toMatchObject({ type: 'text', label: { en: 'Budget' } });
    const lead = await createLead(context, { firstName: unique('F'), customFields: { [key]: 'big' } });
    const saved = await trpc<{ customFields: Record<string, unknown> }>(context, 'leads.get', { id: lead.id });
    expect(saved.customFields[key]).toBe('big');

    // Archiving from the screen hides it from the default list.
    await page.getByTestId(`archive-${key}`).click();
    await page.getByTestId(`field-row-${key}`).waitFor({ state: 'detached' });
    expect((await trpc<Field[]>(context, 'fields.list', { includeArchived: true })).find((f) => f.key === key)?.archivedAt).toBeTruthy();
    await context.close();
  });

  it('shows the server\'s field error on the key input', async () => {
    const context = await newContext(browser());
    await signInAdmin(context);
    const page = await context.newPage();
    await page.goto('/admin/fields?lang=en');
    await page.getByTestId('add-field').click();
    const form = page.getByTestId('field-form');
    await form.locator('input[name="key"]').fill('Not A Key');
    for (const l of ['fa', 'ar', 'en']) await form.locator(`input[name="label.${l}"]`).fill('x');
    await page.locator('.v-dialog').getByRole('button', { name: 'Create', exact: true }).click();
    const keyInput = form.locator('.v-input').filter({ has: page.locator('input[name="key"]') });
    await keyInput.locator('.v-messages__message').first().waitFor();
    // Vuetify sets the error class a tick after the message renders: poll rather than read once.
    await expect.poll(async () => (await keyInput.getAttribute('class')) ?? '').toContain('v-input--error');
    await context.close();
  });

  it('retires a picklist value, which the API then reports retired', async () => {
    const context = await newContext(browser());
    await signInAdmin(context);
    const key = unique('src').toLowerCase();
    await mutate(context, 'picklists.create', { list: 'source', key, label: { fa: 'منبع', ar: 'مصدر', en: `Source ${key}` } });
    const page = await context.newPage();
    await page.goto('/admin/picklists?lang=fa');
    await page.getByTestId('picklist-choice').click();
    await page.getByRole('option', { name: 'منابع' }).click();
    await page.getByTestId(`retire-${key}`).click();
    await page.getByTestId(`value-${key}`).getByTestId('retired-chip').waitFor();
    const lists = await trpc<Record<string, Entry[]>>(context, 'picklists.list');
    expect(lists.source!.find((v) => v.key === key)?.retired).toBe(true);
    await context.close();
  });

  it('merges two leads that share a mobile from the duplicates screen', async () => {
    const context = await newContext(browser());
    await signInAdmin(context);
    const mobile = `+98912${String(Date.now()).slice(-7)}`;
    const first = await createLead(context, { firstName: unique('Dup'), mobile });
    // The second lead comes in on another number, then gets the same one: creation refuses duplicates.
    const second = await createLead(context, { firstName: unique('Dup'), email: `${unique('d')}@sarnakh.test` });
    await mutate(context, 'leads.update', { id: second.id, version: second.version, patch: { phone: mobile } });

    const page = await context.newPage();
    await page.goto('/duplicates?lang=en');
    const group = page.getByTestId(`group-${mobile}`);
    // Groups are paged: once the first page is in, keep loading until this test's group shows.
    await page.locator('[data-testid^="group-"]').first().waitFor();
    while (!(await group.isVisible())) await page.getByTestId('load-more').click();
    await group.getByTestId('open-merge').click();
    await page.getByTestId(`survivor-${first.id}`).locator('input').check();
    await page.getByTestId('confirm-merge').click();
    await page.getByTestId('merge-dialog').waitFor({ state: 'detached' });

    const history = await trpc<{ survivorId: string; mergedIds: string[] }[]>(context, 'leads.merges', { leadId: first.id });
    expect(history[0]).toMatchObject({ survivorId: first.id, mergedIds: [second.id] });
    // The survivor's page lists the merge, with the undo a manager or admin may use.
    await page.goto(`/leads/${first.id}?lang=en`);
    await page.getByTestId('merge-history').getByTestId('unmerge').click();
    // Undone: the merge is marked so on the server, and the merged lead is readable on its own again.
    await expect
      .poll(async () => (await trpc<{ undoneAt: string | null }[]>(context, 'leads.merges', { leadId: first.id }))[0]?.undoneAt ?? null)
      .not.toBeNull();
    expect(await trpc<{ mergedIntoId: string | null }>(context, 'leads.get', { id: second.id })).toMatchObject({ mergedIntoId: null });
    await context.close();
  });

  it('adds a conversion mapping row, refuses one of the wrong kind on its inputs, and removes a row', async () => {
    const context = await newContext(browser());
    await signInAdmin(context);
    const page = await context.newPage();
    await page.goto('/admin/conversion?lang=en');
    const form = page.getByTestId('mapping-form');
    const pick = async (name: string, option: string) => {
      await form.locator('.v-input').filter({ has: page.locator(`input[name="${name}"]`) }).locator('.v-field').click();
      await page.getByRole('option', { name: option, exact: true }).click();
    };
    await pick('from', 'Job title');
    await pick('target', 'Opportunity');
    await pick('to', 'Name');
    await page.getByTestId('add-mapping').click();
    await page.getByTestId('mapping-opportunity-name').waitFor();

    // A yes/no lead field cannot fill an amount: the server names the row's part, shown on its input.
    await pick('from', 'No marketing email');
    await pick('to', 'Amount');
    await page.getByTestId('add-mapping').click();
    await form.locator('.v-input--error').first().waitFor();

    const saved = await trpc<{ mappings: { from: string; target: string; to: string }[] }>(context, 'conversion.getMapping');
    expect(saved.mappings).toContainEqual({ from: 'jobTitle', target: 'opportunity', to: 'name' });
    expect(saved.mappings.some((m) => m.target === 'opportunity' && m.to === 'amount')).toBe(false);

    await page.getByTestId('mapping-opportunity-name').getByRole('button').click();
    await page.getByTestId('mapping-opportunity-name').waitFor({ state: 'detached' });
    await context.close();
  });
});
