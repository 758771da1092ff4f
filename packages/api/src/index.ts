export { appRouter, createAppRouter, type AppRouter, type CoreRouter, type PluginRouters } from './router.js';
export { createContext, localeFromHeaders, type Context, type SessionUser } from './context.js';
export { createServices, type Services, type ServicesOptions } from './services.js';
export * from './plugin-services.js';
export { pluginTrpc, router, publicProcedure, authedProcedure, adminProcedure, roleProcedure } from './trpc.js';
export { createAuth, type Auth, type AuthOptions } from './auth.js';
export { createUserAccount, newUserSchema, type NewUserInput } from './accounts.js';
export { FieldErrors, DuplicateLead, badRequest, leadFailureToError } from './errors.js';
export { loadAuthSecret } from './secret.js';
