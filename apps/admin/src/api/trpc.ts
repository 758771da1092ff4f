import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import superjson from 'superjson';
import type { AppRouter } from '@sarnakh/server/src/plugins.js';
import { currentLocale } from '../i18n/index.js';

/**
 * The typed API. Same origin in production (the server serves this app) and through Vite's proxy in
 * development; the session cookie signs calls in, and the UI language goes along so field errors
 * come back in it.
 */
export const api = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '/trpc',
      transformer: superjson,
      headers: () => ({ 'x-sarnakh-locale': currentLocale() }),
      fetch: (url, options) => fetch(url, { ...options, credentials: 'include' }),
    }),
  ],
});

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type LeadView = RouterOutputs['leads']['get'];
export type UserView = RouterOutputs['users']['list'][number];
export type Picklists = RouterOutputs['picklists']['list'];
export type PicklistEntry = Picklists['stage'][number];
export type PluginView = RouterOutputs['plugins']['list'][number];

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/** What the app shows for a failed call: per-field problems when the server named fields, else one message. */
export interface ApiProblem {
  code: string;
  message: string;
  fields: FieldProblem[];
  duplicateOf: string | null;
  matchedOn: string | null;
}

export function toProblem(error: unknown): ApiProblem {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as { code?: string; fields?: FieldProblem[]; duplicateOf?: string; matchedOn?: string };
    return {
      code: data.code ?? 'INTERNAL_SERVER_ERROR',
      message: error.message,
      fields: data.fields ?? [],
      duplicateOf: data.duplicateOf ?? null,
      matchedOn: data.matchedOn ?? null,
    };
  }
  return { code: 'NETWORK', message: error instanceof Error ? error.message : String(error), fields: [], duplicateOf: null, matchedOn: null };
}

/** Field problems by field name (`mobile`, `rules.0.strategy`), for inputs' `error-messages`. */
export function fieldMessages(problem: ApiProblem | null): Record<string, string[]> {
  const byField: Record<string, string[]> = {};
  for (const f of problem?.fields ?? []) (byField[f.field] ??= []).push(f.message);
  return byField;
}
