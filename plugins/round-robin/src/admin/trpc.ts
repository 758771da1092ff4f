/**
 * Calls to the plugin's tRPC procedures over HTTP from the web app (the session cookie signs them
 * in). Plain fetch with tRPC's superjson envelope (`{ json }`): the values used here are plain JSON.
 */
interface Envelope<T> {
  result?: { data?: { json: T } };
  error?: { json?: { message?: string; data?: { fields?: { field: string; message: string }[] } } };
}

async function unwrap<T>(res: Response): Promise<T> {
  const body = (await res.json()) as Envelope<T>;
  if (!res.ok || body.result?.data === undefined) {
    const fields = body.error?.json?.data?.fields;
    throw new Error(fields?.map((f) => `${f.field}: ${f.message}`).join('\n') || body.error?.json?.message || String(res.status));
  }
  return body.result.data.json;
}

export async function query<T>(path: string): Promise<T> {
  return unwrap<T>(await fetch(`/trpc/${path}`, { credentials: 'same-origin' }));
}

export async function mutate<T>(path: string, input: unknown): Promise<T> {
  return unwrap<T>(
    await fetch(`/trpc/${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ json: input }),
    }),
  );
}

/** A member as `roundRobin.members.list` returns it (the fields these screens use). */
export interface MemberView {
  userId: string;
  name: string;
  active: boolean;
  weight: number;
  dailyCap: number | null;
  effectiveTimeZone: string;
  unavailable: 'inactive' | 'leave' | 'off_hours' | 'capped' | null;
  assignedToday: number;
}

export interface TodayCount {
  userId: string;
  name: string;
  day: string;
  assigned: number;
  dailyCap: number | null;
}

/** The web app's language, from the page (`<html lang>`), for these screens' few labels. */
export function pageLocale(): 'fa' | 'ar' | 'en' {
  const lang = (globalThis as { document?: { documentElement?: { lang?: string } } }).document?.documentElement?.lang ?? '';
  return lang.startsWith('fa') ? 'fa' : lang.startsWith('ar') ? 'ar' : 'en';
}
