import { isLocale, type Actor, type Locale } from '@sarnakh/core';
import type { Services } from './services.js';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Actor['role'];
  active: boolean;
}

// A type alias (not an interface) so it fits adapters that want Record<string, unknown>.
export type Context = {
  services: Services;
  /** The signed-in, active user; null for anonymous callers. */
  user: SessionUser | null;
  locale: Locale;
  requestId: string;
};

/** The caller's language: an explicit `x-sarnakh-locale` header, else the first supported Accept-Language. */
export function localeFromHeaders(headers: Headers): Locale {
  const explicit = headers.get('x-sarnakh-locale');
  if (isLocale(explicit)) return explicit;
  for (const part of (headers.get('accept-language') ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().slice(0, 2).toLowerCase();
    if (isLocale(tag)) return tag;
  }
  return 'en';
}

/** The signed-in, active user of a request (by session cookie), or null. */
export async function sessionUser(auth: Services['auth'], headers: Headers): Promise<SessionUser | null> {
  const session = await auth.api.getSession({ headers });
  const u = session?.user as (SessionUser & Record<string, unknown>) | undefined;
  return u && u.active ? { id: u.id, name: u.name, email: u.email, role: u.role, active: u.active } : null;
}

/** Build the tRPC context for one request: who is signed in (by session cookie) and in what language. */
export async function createContext(services: Services, headers: Headers, requestId: string): Promise<Context> {
  return { services, user: await sessionUser(services.auth, headers), locale: localeFromHeaders(headers), requestId };
}
