import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, AGENT_PASSWORD } from './accounts.js';

export const baseUrl = () => inject('sarnakhUrl');

/** One headless Chromium per test file; each test gets its own contexts (cookies, storage). */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: inject('chromiumPath'),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not running');
    return browser;
  };
}

/** The machine's zone for the browser too, so dates the test computes match what the page shows. */
const timezoneId = Intl.DateTimeFormat().resolvedOptions().timeZone;

export async function newContext(browser: Browser, options: { width?: number } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    timezoneId,
    locale: 'en-US',
    viewport: { width: options.width ?? 1366, height: 900 },
  });
  // Generous: CI shares two cores with the server and its embedded database.
  context.setDefaultTimeout(30_000);
  return context;
}

/** Sign in through better-auth's route: the session cookie lands in the context, as after the form. */
export async function signInApi(context: BrowserContext, email: string, password: string): Promise<void> {
  const res = await context.request.post('/api/auth/sign-in/email', { data: { email, password }, headers: { origin: baseUrl() } });
  if (!res.ok()) throw new Error(`sign-in as ${email} failed: ${res.status()} ${await res.text()}`);
}

export const signInAdmin = (context: BrowserContext) => signInApi(context, ADMIN_EMAIL, ADMIN_PASSWORD);

interface TrpcError {
  message: string;
  data?: { code?: string; fields?: { field: string; code: string; message: string }[] };
}

export class TrpcCallError extends Error {
  constructor(readonly error: TrpcError) {
    super(error.message);
  }
}

/** Call a procedure as the context's user (superjson envelope; plain JSON values only). */
export async function trpc<T>(context: BrowserContext, path: string, input?: unknown, kind: 'query' | 'mutation' = 'query', locale = 'en'): Promise<T> {
  const headers = { 'x-sarnakh-locale': locale, 'content-type': 'application/json' };
  const res =
    kind === 'query'
      ? await context.request.get(`/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`, { headers })
      : await context.request.post(`/trpc/${path}`, { data: { json: input ?? null }, headers });
  const body = (await res.json()) as { result?: { data: { json: T } }; error?: { json: TrpcError } };
  if (body.error) throw new TrpcCallError(body.error.json);
  return body.result!.data.json;
}

export const mutate = <T>(context: BrowserContext, path: string, input: unknown, locale = 'en') => trpc<T>(context, path, input, 'mutation', locale);

let counter = 0;
/** A marker no other test's data contains, for names and searches. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
}

export interface CreatedUser {
  id: string;
  name: string;
  email: string;
}

/** A new agent (or manager), created by the admin through `users.create`. */
export async function createUser(adminContext: BrowserContext, role: 'agent' | 'manager' = 'agent'): Promise<CreatedUser> {
  const tag = unique('u');
  return mutate<CreatedUser>(adminContext, 'users.create', { name: `Agent ${tag}`, email: `${tag}@sarnakh.test`, password: AGENT_PASSWORD, role });
}

export interface CreatedLead {
  id: string;
  stage: string;
  ownerId: string | null;
  mobile: string | null;
  createdAt: string;
  version: number;
}

export const createLead = (context: BrowserContext, input: Record<string, unknown>) => mutate<CreatedLead>(context, 'leads.create', input);

/** A page signed in as the context's user, already on `path`. */
export async function openPage(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

/** For `expect.poll`: as long as Playwright's own waits, since vitest's default second is short on a busy CI machine. */
export const eventually = { timeout: 30_000, interval: 100 };
