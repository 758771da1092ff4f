import { zodIssuesToFieldErrors } from '@sarnakh/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { SessionUser } from './context.js';
import { createTestApi, failure, type TestApi } from './test-support/index.js';

let api: TestApi;
let admin: SessionUser;
let manager: SessionUser;
let agent: SessionUser;

beforeAll(async () => {
  api = await createTestApi();
  admin = await api.user('admin');
  manager = await api.user('manager');
  agent = await api.user('agent');
});
afterAll(() => api.dispose());

/** The fields a refused call names, in the caller's language. */
async function refusedFields(call: Promise<unknown>, locale: 'fa' | 'en' = 'en') {
  const error = await failure(call);
  expect(error.code).toBe('BAD_REQUEST');
  expect(error.cause).toBeInstanceOf(ZodError);
  return zodIssuesToFieldErrors((error.cause as ZodError).issues, locale).map((f) => f.field);
}

describe('settings.get / settings.update', () => {
  it('gives every signed-in user the defaults before anything is saved; not anonymous callers', async () => {
    const defaults = { calendar: 'byLocale', defaultLocale: 'fa', defaultCurrency: 'IRR' };
    expect(await api.as(agent).settings.get()).toEqual(defaults);
    expect(await api.as(manager).settings.get()).toEqual(defaults);
    expect((await failure(api.as(null).settings.get())).code).toBe('UNAUTHORIZED');
  });

  it('lets an admin change some settings and keeps the others', async () => {
    expect(await api.as(admin).settings.update({ calendar: 'gregorian' })).toEqual({
      calendar: 'gregorian',
      defaultLocale: 'fa',
      defaultCurrency: 'IRR',
    });
    expect(await api.as(admin).settings.update({ defaultLocale: 'ar', defaultCurrency: 'AED' })).toEqual({
      calendar: 'gregorian',
      defaultLocale: 'ar',
      defaultCurrency: 'AED',
    });
    expect(await api.as(agent).settings.get()).toEqual({ calendar: 'gregorian', defaultLocale: 'ar', defaultCurrency: 'AED' });
    const row = await api.database.db.selectFrom('orgSettings').select(['updatedBy']).executeTakeFirstOrThrow();
    expect(row.updatedBy).toBe(admin.id);
  });

  it('refuses a bad value by its field and saves nothing of the call', async () => {
    const before = await api.as(admin).settings.get();
    // @ts-expect-error: not a calendar
    expect(await refusedFields(api.as(admin).settings.update({ calendar: 'lunar', defaultLocale: 'en' }))).toEqual(['calendar']);
    // @ts-expect-error: not a currency the app knows
    expect(await refusedFields(api.as(admin).settings.update({ defaultCurrency: 'XYZ' }))).toEqual(['defaultCurrency']);
    // @ts-expect-error: not a setting
    expect(await refusedFields(api.as(admin).settings.update({ theme: 'dark' }))).toEqual(['theme']);
    expect(await api.as(admin).settings.get()).toEqual(before);
  });

  it('lets only admins change them', async () => {
    expect((await failure(api.as(agent).settings.update({ calendar: 'jalali' }))).code).toBe('FORBIDDEN');
    expect((await failure(api.as(manager).settings.update({ calendar: 'jalali' }))).code).toBe('FORBIDDEN');
    expect((await failure(api.as(null).settings.update({ calendar: 'jalali' }))).code).toBe('UNAUTHORIZED');
    expect((await api.as(agent).settings.get()).calendar).toBe('gregorian');
  });
});
