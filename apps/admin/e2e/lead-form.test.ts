import { describe, expect, it } from 'vitest';
import { eventually, mutate, newContext, signInAdmin, TrpcCallError, unique, useBrowser } from './support.js';

const browser = useBrowser();

describe('the lead form', () => {
  it('creates a lead from a mobile typed in Persian digits and shows it normalized to E.164', async () => {
    const context = await newContext(browser());
    await signInAdmin(context);
    const page = await context.newPage();
    await page.goto('/leads/new?lang=fa');
    const name = unique('Sara');
    await page.locator('input[name="firstName"]').fill(name);
    await page.locator('input[name="mobile"]').fill('۰۹۱۲ ۳۴۵ ۶۷۸۹');
    await page.getByTestId('save-lead').click();

    await page.getByTestId('lead-title').filter({ hasText: name }).waitFor();
    await expect.poll(() => page.getByTestId('value-mobile').textContent(), eventually).toBe('+989123456789');
    // Phone numbers read left to right inside the right-to-left page.
    expect(await page.getByTestId('value-mobile').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    await context.close();
  });

  it('shows the server\'s field error on the input it belongs to, in the UI language', async () => {
    const context = await newContext(browser());
    await signInAdmin(context);
    // What the server says about this email in English, to compare with the page.
    const expected = await mutate(context, 'leads.create', { firstName: 'x', email: 'not-an-email' }).then(
      () => null,
      (e: unknown) => (e instanceof TrpcCallError ? e.error.data?.fields?.find((f) => f.field === 'email')?.message : null),
    );
    expect(expected).toBeTruthy();

    const page = await context.newPage();
    await page.goto('/leads/new?lang=en');
    await page.locator('input[name="firstName"]').fill(unique('Ali'));
    await page.locator('input[name="email"]').fill('not-an-email');
    await page.getByTestId('save-lead').click();

    const emailInput = page.locator('.v-input').filter({ has: page.locator('input[name="email"]') });
    await emailInput.locator('.v-messages').filter({ hasText: expected! }).waitFor();
    await expect.poll(async () => (await emailInput.getAttribute('class')) ?? '').toContain('v-input--error');
    // Only that input is flagged, and nothing was created: the page is still the form.
    const firstNameInput = page.locator('.v-input').filter({ has: page.locator('input[name="firstName"]') });
    expect(await firstNameInput.getAttribute('class')).not.toContain('v-input--error');
    expect(new URL(page.url()).pathname).toBe('/leads/new');
    await context.close();
  });
});
