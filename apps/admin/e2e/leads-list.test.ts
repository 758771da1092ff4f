import { describe, expect, it } from 'vitest';
import { createLead, createUser, eventually, newContext, signInAdmin, trpc, unique, useBrowser } from './support.js';

const browser = useBrowser();

describe('the leads list', () => {
  it('filters by search and stage, then bulk-assigns the selected leads to an agent', async () => {
    const admin = await newContext(browser());
    await signInAdmin(admin);
    const agent = await createUser(admin);
    const tag = unique('Acme');
    for (const [i, stage] of ['open', 'open', 'contacted'].entries()) {
      await createLead(admin, { firstName: `Lead ${i}`, company: `${tag} Co`, stage });
    }

    const page = await admin.newPage();
    await page.goto('/leads?lang=en');
    const rows = page.getByTestId('leads-table').locator('tbody tr');
    await page.getByRole('textbox', { name: 'Search name, company or phone' }).fill(tag);
    await expect.poll(() => rows.filter({ hasText: tag }).count(), eventually).toBe(3);
    await expect.poll(() => rows.count(), eventually).toBe(3);

    // Narrow to the open ones with the stage filter.
    await page.getByTestId('toggle-filters').click();
    await page.getByTestId('filter-stage').click();
    await page.getByRole('option', { name: 'Open' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => rows.count(), eventually).toBe(2);

    // Select all shown, assign them.
    await page.getByTestId('leads-table').locator('thead input[type="checkbox"]').check();
    await page.getByTestId('bulk-bar').getByText('2 selected').waitFor();
    await page.getByTestId('bulk-owner').click();
    await page.getByRole('option', { name: agent.name }).click();
    await page.getByTestId('bulk-assign').click();
    await expect.poll(() => rows.filter({ hasText: agent.name }).count(), eventually).toBe(2);

    // The server agrees: the two open leads are the agent's, the contacted one is not.
    const assigned = await trpc<{ items: { stage: string }[] }>(admin, 'leads.list', { filter: { search: tag, ownerId: agent.id }, limit: 10 });
    expect(assigned.items.map((l) => l.stage).sort()).toEqual(['open', 'open']);
    await admin.close();
  });
});
