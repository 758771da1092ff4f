import { describe, expect, it } from 'vitest';
import { createLead, newContext, signInAdmin, trpc, unique, useBrowser } from './support.js';

const browser = useBrowser();

describe('the pipeline board', () => {
  it('moves a lead to another stage by drag and drop, on screen and on the server', async () => {
    const context = await newContext(browser());
    await signInAdmin(context);
    const name = unique('Drag');
    const lead = await createLead(context, { firstName: name, stage: 'open' });

    const page = await context.newPage();
    await page.goto('/kanban?lang=en');
    const card = page.locator(`[data-lead-id="${lead.id}"]`);
    const open = page.locator('[data-stage="open"]');
    const contacted = page.locator('[data-stage="contacted"]');
    await open.locator(`[data-lead-id="${lead.id}"]`).waitFor();

    await card.dragTo(contacted);
    await contacted.locator(`[data-lead-id="${lead.id}"]`).waitFor();
    await page.getByText('Moved to Contacted.').waitFor();
    expect(await open.locator(`[data-lead-id="${lead.id}"]`).count()).toBe(0);

    const saved = await trpc<{ stage: string; version: number }>(context, 'leads.get', { id: lead.id });
    expect(saved.stage).toBe('contacted');
    expect(saved.version).toBeGreaterThan(lead.version);
    await context.close();
  });
});
