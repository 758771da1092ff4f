import { describe, expect, it } from 'vitest';
import { createUser, eventually, newContext, signInAdmin, trpc, unique, useBrowser } from './support.js';

const browser = useBrowser();

interface Member {
  userId: string;
  weight: number;
}

/** An Iranian mobile no other test uses: 0912 and seven digits from the clock and a counter. */
let serial = 0;
const mobile = () => `0912${String((Date.now() + serial++) % 10_000_000).padStart(7, '0')}`;

describe("the plugins' admin halves", () => {
  it('imports a CSV: suggested mapping, dry run, the import to done, counts and the error workbook', async () => {
    const context = await newContext(browser());
    await signInAdmin(context);
    const tag = unique('Imp');
    const csv = [
      // Persian headers on an English screen: the suggestions read every language's names.
      'نام,نام خانوادگی,موبایل,ایمیل',
      `Sara,${tag},${mobile()},sara.${tag.toLowerCase()}@example.com`,
      `Reza,${tag},${mobile()},reza.${tag.toLowerCase()}@example.com`,
      `Bad,${tag},12,not-an-email`,
    ].join('\n');

    const page = await context.newPage();
    await page.goto('/plugins/excel-import/import?lang=en');
    await page.getByRole('heading', { name: 'Import from Excel', level: 1 }).waitFor();
    await page.getByTestId('import-file').locator('input[type="file"]').setInputFiles({ name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

    // Each column got its field suggested from the header, shown by name and marked.
    const mapping = page.getByTestId('import-mapping');
    await mapping.waitFor();
    await expect.poll(() => mapping.getByTestId('import-suggested').count(), eventually).toBe(4);
    const chosen = (column: number) => page.getByTestId(`import-column-${column}`).locator('.v-select__selection-text').textContent();
    expect([await chosen(0), await chosen(1), await chosen(2), await chosen(3)]).toEqual(['First name', 'Last name', 'Mobile', 'Email']);
    await page.getByTestId('import-column-1').getByText(tag).first().waitFor();
    expect(await page.getByTestId('import-row-count').textContent()).toContain('3');

    await page.getByRole('button', { name: 'Check (dry run)' }).click();
    await expect.poll(() => page.getByTestId('preview-new').textContent(), eventually).toBe('New: 2');
    expect(await page.getByTestId('preview-invalid').textContent()).toBe('Invalid rows: 1');

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => page.getByTestId('import-status').textContent(), { timeout: 90_000, interval: 250 }).toBe('Done');
    expect(await page.getByTestId('import-created').textContent()).toBe('Created: 2');
    expect(await page.getByTestId('import-failed').textContent()).toBe('Failed: 1');

    const link = page.getByTestId('import-errors-link');
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/api\/plugins\/excel-import\/jobs\/[^/]+\/errors\.xlsx$/);
    const workbook = await context.request.get(href!);
    expect(workbook.status()).toBe(200);
    expect(workbook.headers()['content-type']).toContain('spreadsheetml');

    const imported = await trpc<{ items: unknown[] }>(context, 'leads.list', { filter: { search: tag }, limit: 10 });
    expect(imported.items).toHaveLength(2);
    await context.close();
  });

  it('shows the SMS inbox and the distribution members right to left in Persian, with Vuetify, at 360 px', async () => {
    const admin = await newContext(browser());
    await signInAdmin(admin);
    const agent = await createUser(admin);
    const context = await newContext(browser(), { width: 360 });
    await signInAdmin(context);
    const page = await context.newPage();

    await page.goto('/plugins/sms-capture/inbox?lang=fa');
    await page.getByRole('heading', { name: 'پیامک‌های دریافتی', level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.locator('.sms-inbox .v-btn').first().waitFor();
    await page.getByLabel('جست‌وجو').first().waitFor();
    await page.getByText('فقط رسیدگی‌نشده‌ها').waitFor();
    // Nothing pushes the page sideways: wide tables scroll inside their own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    await page.goto('/plugins/round-robin/members');
    await page.getByRole('heading', { name: 'اعضای نوبت‌دهی', level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.locator('.round-robin-members .v-btn').first().waitFor();
    const weight = page.getByLabel(`وزن: ${agent.name}`);
    await expect.poll(() => weight.inputValue(), eventually).toBe('۱');
    // A weight typed in Persian digits is saved when the input loses focus.
    await weight.fill('۳');
    await weight.press('Tab');
    await expect
      .poll(async () => (await trpc<Member[]>(admin, 'roundRobin.members.list')).find((m) => m.userId === agent.id)?.weight, eventually)
      .toBe(3);
    await expect.poll(() => weight.inputValue(), eventually).toBe('۳');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await context.close();
    await admin.close();
  });
});
