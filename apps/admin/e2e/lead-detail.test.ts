import { describe, expect, it } from 'vitest';
import { createLead, newContext, signInAdmin, trpc, unique, useBrowser } from './support.js';

const browser = useBrowser();

describe('the lead page', () => {
  it('adds a note, logs a call, schedules a follow-up that shows in My tasks, and converts the lead', async () => {
    const context = await newContext(browser());
    await signInAdmin(context);
    const me = await trpc<{ id: string }>(context, 'auth.me');
    const name = unique('Detail');
    const lead = await createLead(context, { firstName: name, company: `${name} Ltd`, mobile: '09121112233', ownerId: me.id });

    const page = await context.newPage();
    await page.goto(`/leads/${lead.id}?lang=en`);
    await page.getByTestId('lead-title').filter({ hasText: name }).waitFor();
    expect(await page.getByRole('link', { name: 'WhatsApp' }).getAttribute('href')).toBe('https://wa.me/989121112233');

    const timeline = page.locator('.v-timeline');
    await page.getByRole('textbox', { name: 'Note' }).fill('Asked for the price list');
    await page.getByRole('button', { name: 'Add note' }).last().click();
    await timeline.getByText('Asked for the price list').waitFor();

    await page.getByRole('tab', { name: 'Log call' }).click();
    await page.getByTestId('call-result').click();
    await page.getByRole('option', { name: 'Answered' }).click();
    await page.getByRole('button', { name: 'Log call' }).last().click();
    await timeline.getByText('Answered').waitFor();

    await page.getByRole('tab', { name: 'Schedule follow-up' }).click();
    const title = unique('Send quote ');
    await page.getByRole('textbox', { name: 'What to do' }).fill(title);
    const due = new Date(Date.now() + 3 * 86_400_000);
    const typed = `${due.getFullYear()}/${String(due.getMonth() + 1).padStart(2, '0')}/${String(due.getDate()).padStart(2, '0')}`;
    await page.getByRole('textbox', { name: 'Due date' }).fill(typed);
    await page.getByRole('textbox', { name: 'Due date' }).press('Tab');
    await page.getByRole('button', { name: 'Schedule follow-up' }).last().click();
    await page.getByText(title).first().waitFor();

    const tasks = await context.newPage();
    await tasks.goto('/tasks?lang=en');
    await tasks.getByRole('heading', { name: 'My tasks' }).waitFor();
    await tasks.getByRole('tab', { name: 'Upcoming' }).click();
    await tasks.getByText(title).waitFor();
    await tasks.close();

    await page.getByTestId('convert').click();
    await page.getByRole('textbox', { name: 'Amount' }).fill('۱۲۰۰۰۰۰۰');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Convert' }).click();
    // An opportunity needs its expected close date: the server says so on that input.
    await page.getByTestId('expected-close').locator('.v-messages').filter({ hasText: 'This field is required.' }).waitFor();
    await dialog.getByRole('textbox', { name: 'Expected close date' }).fill(typed);
    await dialog.getByRole('textbox', { name: 'Expected close date' }).press('Tab');
    await dialog.getByRole('button', { name: 'Convert' }).click();
    await page.getByText('Converted', { exact: true }).first().waitFor();
    const converted = await trpc<{ convertedAt: string | null }>(context, 'leads.get', { id: lead.id });
    expect(converted.convertedAt).not.toBeNull();
    await context.close();
  });
});
