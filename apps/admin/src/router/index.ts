import { createRouter, createWebHistory } from 'vue-router';
import { isLocale, setLocale } from '../i18n/index.js';
import { useSession } from '../stores/session.js';
import { routes } from './routes.js';

export const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach(async (to) => {
  // `?lang=` works on any address, signed in or not, and is remembered.
  const lang = to.query.lang;
  if (isLocale(lang)) setLocale(lang);

  const session = useSession();
  if (!session.loaded) {
    try {
      await session.load();
    } catch {
      // The server is unreachable: the sign-in page says so when it is tried.
    }
  }
  if (to.meta.public) return session.me && to.name === 'sign-in' ? { name: 'leads' } : true;
  if (!session.me) return { name: 'sign-in', query: { redirect: to.fullPath } };
  if (!session.hasRole(to.meta.roles)) return { name: 'not-found', params: { missing: to.path.split('/').filter(Boolean) }, query: { forbidden: '1' } };
  return true;
});
