import { describe, expect, it } from 'vitest';
import { AGENT_PASSWORD } from './accounts.js';
import { createLead, createUser, newContext, signInAdmin, signInApi, unique, useBrowser } from './support.js';

const browser = useBrowser();

describe('what an agent sees', () => {
  it('an agent does not see another agent\'s lead, in the list or by its address', async () => {
    const admin = await newContext(browser());
    await signInAdmin(admin);
    const owner = await createUser(admin);
    const other = await createUser(admin);
    const tag = unique('Private');
    const lead = await createLead(admin, { firstName: tag, lastName: 'Owned', ownerId: owner.id });
    // The other agent's own lead with the same marker: once it shows, the search has answered.
    await createLead(admin, { firstName: tag, lastName: 'Visible', ownerId: other.id });
    await admin.close();

    const ownerContext = await newContext(browser());
    await signInApi(ownerContext, owner.email, AGENT_PASSWORD);
    const ownerPage = await ownerContext.newPage();
    await ownerPage.goto('/leads?lang=en');
    await ownerPage.getByRole('textbox', { name: 'Search name, company or phone' }).fill(tag);
    await ownerPage.getByTestId('leads-table').locator('tbody tr').filter({ hasText: 'Owned' }).waitFor();
    expect(await ownerPage.getByTestId('leads-table').locator('tbody tr').filter({ hasText: 'Visible' }).count()).toBe(0);
    await ownerContext.close();

    const otherContext = await newContext(browser());
    await signInApi(otherContext, other.email, AGENT_PASSWORD);
    const page = await otherContext.newPage();
    await page.goto('/leads?lang=en');
    await page.getByRole('textbox', { name: 'Search name, company or phone' }).fill(tag);
    const rows = page.getByTestId('leads-table').locator('tbody tr');
    await rows.filter({ hasText: 'Visible' }).waitFor();
    expect(await rows.filter({ hasText: 'Owned' }).count()).toBe(0);
    expect(await rows.count()).toBe(1);

    // Opening it by address shows an error, not the lead.
    await page.goto(`/leads/${lead.id}`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByTestId('lead-title').count()).toBe(0);
    // Agents have no admin screens either.
    expect(await page.getByRole('link', { name: 'Users and roles' }).count()).toBe(0);
    await otherContext.close();
  });
});
