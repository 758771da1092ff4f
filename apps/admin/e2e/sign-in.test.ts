import { describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './accounts.js';
import { newContext, useBrowser } from './support.js';

const browser = useBrowser();

describe('sign-in', () => {
  it('refuses a wrong password on the form, then signs in and out', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await page.goto('/leads?lang=en');
    // Signed out, any page leads to the sign-in form.
    await page.waitForURL(/\/sign-in/);

    await page.getByLabel('Email').fill(ADMIN_EMAIL);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password.' }).waitFor();

    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Leads', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/leads');

    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    // The session is gone on the server too: a protected page sends us back.
    await page.goto('/kanban');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await context.close();
  });
});
