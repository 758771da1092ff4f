export { appRouter, type AppRouter } from './router.js';
export { createContext, localeFromHeaders, type Context, type SessionUser } from './context.js';
export { createServices, type Services } from './services.js';
export { createAuth, type Auth, type AuthOptions } from './auth.js';
export { createUserAccount, newUserSchema, type NewUserInput } from './accounts.js';
export { FieldErrors, badRequest, leadFailureToError } from './errors.js';
export { loadAuthSecret } from './secret.js';
