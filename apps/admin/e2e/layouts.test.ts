import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createLead, eventually, mutate, newContext, signInAdmin, trpc, TrpcCallError, unique, useBrowser } from './support.js';

const browser = useBrowser();

interface Layout {
  kind: 'create' | 'detail' | 'list';
  sections: { key: string; title: { fa: string; ar: string; en: string }; fields: { field: string; required?: boolean }[] }[];
  saved: boolean;
}

const fieldKey = (prefix: string) => unique(prefix).toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 40);

/** A custom field only this test uses, archived afterwards so other files' leads need not fill it. */
async function withField(context: BrowserContext, input: Record<string, unknown>, run: () => Promise<void>): Promise<void> {
  await mutate(context, 'fields.create', input);
  try {
    await run();
  } finally {
    await mutate(context, 'fields.archive', { key: input.key });
  }
}

describe('layouts', () => {
  it('an admin marks a custom field required on the create form: the form asks for it on that input, then saves it and the lead page shows it', async () => {
    const context = await newContext(browser());
    await signInAdmin(context);
    const key = fieldKey('budget');
    const label = `Budget ${key}`;
    const before = await trpc<Layout>(context, 'layouts.get', { kind: 'create' });
    await withField(context, { key, type: 'currency', label: { fa: 'بودجه', ar: 'الميزانية', en: label } }, async () => {
      try {
        const page = await context.newPage();
        await page.goto('/admin/layouts?lang=en');
        // Until a layout is saved, the default places every active custom field on the form.
        const row = page.getByTestId(`layout-field-custom.${key}`);
        await row.getByText(label).waitFor();
        await page.getByTestId(`required-custom.${key}`).locator('input').check();
        await page.getByTestId('save-layout').click();
        await page.getByText('Layout saved.').waitFor();
        const saved = await trpc<Layout>(context, 'layouts.get', { kind: 'create' });
        expect(saved.saved).toBe(true);
        expect(saved.sections.flatMap((s) => s.fields).find((f) => f.field === `custom.${key}`)).toEqual({ field: `custom.${key}`, required: true });
        // What the server says about the missing field, to find on the page.
        const expected = await mutate(context, 'leads.create', { firstName: 'x' }).then(
          () => null,
          (e: unknown) => (e instanceof TrpcCallError ? e.error.data?.fields?.find((f) => f.field === `customFields.${key}`)?.message : null),
        );
        expect(expected).toBeTruthy();

        await page.goto('/leads/new?lang=en');
        const name = unique('Required');
        await page.locator('input[name="firstName"]').fill(name);
        await page.getByTestId('save-lead').click();
        const amountInput = page.locator('.v-input').filter({ has: page.locator(`input[name="customFields.${key}"]`) });
        await amountInput.locator('.v-messages').filter({ hasText: expected! }).waitFor();
        await expect.poll(async () => (await amountInput.getAttribute('class')) ?? '', eventually).toContain('v-input--error');
        expect(new URL(page.url()).pathname).toBe('/leads/new');

        // Persian digits in an English page: the server normalizes them; toman is the default currency.
        await page.locator(`input[name="customFields.${key}"]`).fill('۱۵۰۰۰۰۰');
        await page.getByTestId('save-lead').click();
        await page.getByTestId('lead-title').filter({ hasText: name }).waitFor();
        await expect.poll(() => page.getByTestId(`value-custom.${key}`).textContent(), eventually).toBe('1,500,000 Toman');
        const id = new URL(page.url()).pathname.split('/').pop()!;
        const lead = await trpc<{ customFields: Record<string, unknown> }>(context, 'leads.get', { id });
        expect(lead.customFields[key]).toEqual({ amount: 1_500_000, currency: 'IRT' });

        // Back to the default layout: nothing required beyond what the fields require.
        await page.goto('/admin/layouts?lang=en');
        await page.getByTestId('default-layout').click();
        await expect.poll(() => page.getByTestId('layout-state').textContent(), eventually).toContain('Default');
        await expect.poll(() => page.getByTestId(`required-custom.${key}`).locator('input').isChecked(), eventually).toBe(false);
        expect((await trpc<Layout>(context, 'layouts.get', { kind: 'create' })).saved).toBe(false);
      } finally {
        // The other files create leads through the API: give them back the form they had.
        if (before.saved) await mutate(context, 'layouts.update', { kind: 'create', sections: before.sections });
        else await mutate(context, 'layouts.reset', { kind: 'create' });
      }
    });
    await context.close();
  });

  it('shows the server\'s error on the layout field it names', async () => {
    const context = await newContext(browser());
    await signInAdmin(context);
    const key = fieldKey('gone');
    const page = await context.newPage();
    await withField(context, { key, type: 'text', label: { fa: 'موقت', ar: 'مؤقت', en: `Gone ${key}` } }, async () => {
      await page.goto('/admin/layouts?lang=en');
      await page.getByTestId('layout-tab-detail').click();
      await page.getByTestId(`layout-field-custom.${key}`).waitFor();
    });
    // Archived after the screen loaded it: saving names the field that no longer exists.
    await page.getByTestId('save-layout').click();
    await page.getByTestId(`layout-field-custom.${key}`).getByRole('alert').waitFor();
    expect((await trpc<Layout>(context, 'layouts.get', { kind: 'detail' })).saved).toBe(false);
    await context.close();
  });

  it('lets a user add a custom column to the list, shown formatted and sortable when indexed', async () => {
    const context = await newContext(browser());
    await signInAdmin(context);
    const key = fieldKey('visit');
    const label = `Visit ${key}`;
    await withField(context, { key, type: 'date', indexed: true, label: { fa: 'بازدید', ar: 'زيارة', en: label } }, async () => {
      const tag = unique('Columns');
      await createLead(context, { firstName: 'Early', company: tag, customFields: { [key]: '2025-03-04' } });
      await createLead(context, { firstName: 'Late', company: tag, customFields: { [key]: '2025-11-20' } });

      const page = await context.newPage();
      await page.goto('/leads?lang=en');
      const rows = page.getByTestId('leads-table').locator('tbody tr');
      await page.getByRole('textbox', { name: 'Search name, company or phone' }).fill(tag);
      await expect.poll(() => rows.count(), eventually).toBe(2);

      await page.getByRole('button', { name: 'Columns' }).click();
      await page.getByTestId(`column-custom.${key}`).locator('input').check();
      await page.keyboard.press('Escape');
      const header = page.getByTestId('leads-table').locator('thead th').filter({ hasText: label });
      await header.waitFor();
      // The day in the user's calendar and format (en: Gregorian, day first).
      await rows.filter({ hasText: 'Early' }).getByText('04/03/2025').waitFor();

      // Indexed: the header sorts through the API (custom.<key>), latest first on the second click.
      await header.click();
      await expect.poll(async () => (await rows.first().textContent()) ?? '', eventually).toContain('Early');
      await header.click();
      await expect.poll(async () => (await rows.first().textContent()) ?? '', eventually).toContain('Late');
      expect(await page.locator('.v-alert').count()).toBe(0);

      // The choice is the user's own and survives a reload.
      await page.reload();
      await page.getByTestId('leads-table').locator('thead th').filter({ hasText: label }).waitFor();
    });
    await context.close();
  });
});
