import { format } from 'date-fns-jalali';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createLead, createUser, mutate, newContext, signInAdmin, trpc, unique, useBrowser } from './support.js';

const browser = useBrowser();
const persianDigits = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);

interface FitRule { id: string; label: Record<string, string>; field: string; op: string; value?: unknown; points: number }
interface ScoringRules { fit: FitRule[]; behavior: unknown[]; thresholds: { mql: number; sql: number }; urgentTaskOnSql: unknown }
interface AssignmentRules { rules: { name: string; conditions: { field: string; op: string; value?: unknown }[]; userIds: string[]; strategy: string }[]; fallback: unknown }

/** Open a Vuetify select or autocomplete by its test id and pick the option with this name. */
async function choose(page: Page, scope: ReturnType<Page['getByTestId']>, testId: string, option: string, typed?: string) {
  const input = scope.getByTestId(testId);
  await input.click();
  if (typed) await input.locator('input:not([type="hidden"])').first().fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The Vuetify input around a test id shows an error message. */
async function expectError(input: ReturnType<Page['getByTestId']>) {
  await input.locator('.v-messages__message').first().waitFor();
  await expect.poll(async () => (await input.getAttribute('class')) ?? '').toContain('v-input--error');
}

describe('the rule editors and the organization settings', () => {
  it('adds a fit rule through the form and saves it; an empty value is refused on its row', async () => {
    const context = await newContext(browser());
    await signInAdmin(context);
    const before = await trpc<ScoringRules>(context, 'scoring.getRules');
    try {
      const page = await context.newPage();
      await page.goto('/admin/scoring?lang=en');
      await page.getByTestId('scoring-form').waitFor();
      const index = await page.locator('[data-testid^="fit-row-"]').count();
      await page.getByTestId('add-fit').click();
      const row = page.getByTestId(`fit-row-${index}`);
      const label = unique('Big company ');
      await row.getByTestId('fit-label').locator('input:not([type="hidden"])').fill(label);
      await choose(page, row, 'fit-field', 'Employees', 'Employ');
      await choose(page, row, 'fit-op', 'at least');
      await row.getByTestId('fit-value').locator('input:not([type="hidden"])').fill('50');
      await row.getByTestId('fit-points').locator('input:not([type="hidden"])').fill('30');
      await page.getByTestId('save-scoring').click();
      await page.getByText('Saved.').waitFor();

      const saved = await trpc<ScoringRules>(context, 'scoring.getRules');
      expect(saved.fit.at(-1)).toMatchObject({ field: 'employees', op: 'gte', value: 50, points: 30, label: { en: label, fa: label, ar: label } });

      // A second rule on a picklist field with no value chosen: the server's error lands on that row's value.
      await page.getByTestId('add-fit').click();
      const bad = page.getByTestId(`fit-row-${index + 1}`);
      await bad.getByTestId('fit-label').locator('input:not([type="hidden"])').fill(unique('Industry '));
      await choose(page, bad, 'fit-field', 'Industry', 'Indus');
      await page.getByTestId('save-scoring').click();
      await expectError(bad.getByTestId('fit-value'));
      await page.getByTestId('save-problem').getByText(`fit.${index + 1}.value`).waitFor();
      // The rule saved before is untouched by the refused save.
      expect((await trpc<ScoringRules>(context, 'scoring.getRules')).fit).toEqual(saved.fit);
    } finally {
      await mutate(context, 'scoring.setRules', before);
      await context.close();
    }
  });

  it('saves an assignment rule with a pool, which is still there after a reload', async () => {
    const context = await newContext(browser());
    await signInAdmin(context);
    const before = await trpc<AssignmentRules>(context, 'distribution.getRules');
    const agent = await createUser(context);
    try {
      const page = await context.newPage();
      await page.goto('/admin/assignment?lang=en');
      await page.getByTestId('assignment-form').waitFor();
      const index = await page.locator('[data-testid^="assignment-rule-"]').count();
      await page.getByTestId('add-rule').click();
      const card = page.getByTestId(`assignment-rule-${index}`);
      const name = unique('Exhibition leads ');
      await card.getByTestId('rule-name').locator('input:not([type="hidden"])').fill(name);
      await card.getByTestId('add-condition').click();
      await choose(page, card, 'condition-field', 'Source', 'Sour');
      await choose(page, card, 'condition-op', 'is');
      await choose(page, card, 'condition-value', 'Exhibition');
      await choose(page, card, 'pool-users', agent.name, agent.name);
      await page.keyboard.press('Escape');
      await page.getByTestId('save-assignment').click();
      await page.getByText('Saved.').waitFor();

      const saved = await trpc<AssignmentRules>(context, 'distribution.getRules');
      expect(saved.rules.find((r) => r.name === name)).toMatchObject({
        conditions: [{ field: 'source', op: 'eq', value: 'exhibition' }],
        userIds: [agent.id],
      });

      await page.reload();
      const reloaded = page.getByTestId(`assignment-rule-${index}`);
      await expect.poll(() => reloaded.getByTestId('rule-name').locator('input').inputValue(), { timeout: 30_000 }).toBe(name);
      await reloaded.getByTestId('pool-users').getByText(agent.name).waitFor();
    } finally {
      await mutate(context, 'distribution.setRules', before);
      await context.close();
    }
  });

  it('fits the rule forms in a 360 px wide screen, right to left', async () => {
    const context = await newContext(browser(), { width: 360 });
    await signInAdmin(context);
    const before = await trpc<ScoringRules>(context, 'scoring.getRules');
    const label = { fa: 'شرکت بزرگ', ar: 'شركة كبيرة', en: 'Big company' };
    try {
      await mutate(context, 'scoring.setRules', { ...before, fit: [...before.fit, { id: unique('wide-').toLowerCase(), label, field: 'industry', op: 'in', value: ['technology'], points: 20 }] });
      const page = await context.newPage();
      for (const path of ['/admin/scoring?lang=fa', '/admin/assignment?lang=fa']) {
        await page.goto(path);
        await page.locator('[data-testid="scoring-form"], [data-testid="assignment-form"]').first().waitFor();
        if (path.includes('assignment')) await page.getByTestId('add-rule').click();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, path).toBeLessThanOrEqual(0);
      }
    } finally {
      await mutate(context, 'scoring.setRules', before);
      await context.close();
    }
  });

  it('the organization calendar set to Gregorian shows a Persian page in Gregorian dates, and back', async () => {
    const context = await newContext(browser());
    await signInAdmin(context);
    const tag = unique('Calendar');
    const lead = await createLead(context, { company: tag });
    const created = new Date(lead.createdAt);
    const jalali = persianDigits(format(created, 'yyyy/MM/dd'));
    const gregorianYear = persianDigits(String(created.getFullYear()));
    try {
      const page = await context.newPage();
      await page.goto('/admin/organization?lang=fa');
      const form = page.getByTestId('organization-form');
      await choose(page, form, 'org-calendar', 'میلادی برای همه');
      await page.getByTestId('save-organization').click();
      // At once, on this page: today's date in the Gregorian calendar.
      await expect.poll(() => page.getByTestId('org-today').textContent(), { timeout: 30_000 }).toContain(gregorianYear);

      const row = async () => {
        await page.goto('/leads?lang=fa');
        await page.getByRole('textbox', { name: 'جستجوی نام، شرکت یا تلفن' }).fill(tag);
        return page.getByTestId('leads-table').locator('tbody tr').filter({ hasText: tag });
      };
      const gregorianRow = await row();
      await gregorianRow.getByText(gregorianYear, { exact: false }).first().waitFor();
      expect(await gregorianRow.getByText(jalali).count()).toBe(0);

      await page.goto('/admin/organization?lang=fa');
      await choose(page, page.getByTestId('organization-form'), 'org-calendar', 'بر اساس زبان: هجری شمسی برای فارسی، میلادی برای عربی و انگلیسی');
      await page.getByTestId('save-organization').click();
      await expect.poll(() => page.getByTestId('org-today').textContent(), { timeout: 30_000 }).toContain(persianDigits(format(new Date(), 'yyyy')));
      await (await row()).getByText(jalali).waitFor();
    } finally {
      await mutate(context, 'settings.update', { calendar: 'byLocale' });
      await context.close();
    }
  });
});
