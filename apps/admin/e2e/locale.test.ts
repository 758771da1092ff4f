import { format } from 'date-fns-jalali';
import { describe, expect, it } from 'vitest';
import { createLead, newContext, signInAdmin, unique, useBrowser } from './support.js';

const browser = useBrowser();
const persianDigits = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);

describe('language, direction and calendar', () => {
  it('?lang=fa gives a right-to-left page with Jalali dates in Persian digits, and the choice is kept', async () => {
    const context = await newContext(browser());
    await signInAdmin(context);
    const tag = unique('Jalali');
    const lead = await createLead(context, { company: tag });

    const page = await context.newPage();
    await page.goto('/leads?lang=fa');
    await page.getByRole('heading', { name: 'سرنخ‌ها', level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('fa');

    await page.getByRole('textbox', { name: 'جستجوی نام، شرکت یا تلفن' }).fill(tag);
    const row = page.getByTestId('leads-table').locator('tbody tr').filter({ hasText: tag });
    const jalali = persianDigits(format(new Date(lead.createdAt), 'yyyy/MM/dd'));
    await row.getByText(jalali).waitFor();
    expect(jalali.startsWith('۱۴')).toBe(true);

    // Saved: the next visit without ?lang is still Persian; ?lang=en switches to left to right.
    await page.goto('/kanban');
    await page.getByRole('heading', { name: 'تابلوی مراحل', level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.goto('/leads?lang=en');
    await page.getByRole('heading', { name: 'Leads', level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await page.goto('/leads?lang=ar');
    await page.getByRole('heading', { name: 'العملاء المحتملون', level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await context.close();
  });
});
