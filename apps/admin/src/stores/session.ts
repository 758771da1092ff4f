import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api, type RouterOutputs } from '../api/trpc.js';

export type Me = NonNullable<RouterOutputs['auth']['me']>;
export type Role = Me['role'];

export type SignInOutcome = 'ok' | 'wrong' | 'too_many' | 'failed';

/** Who is signed in. Sign-in and sign-out are better-auth's routes; the cookie is httpOnly. */
export const useSession = defineStore('session', () => {
  const me = ref<Me | null>(null);
  const loaded = ref(false);

  async function load(): Promise<Me | null> {
    me.value = await api.auth.me.query();
    loaded.value = true;
    return me.value;
  }

  async function signIn(email: string, password: string): Promise<SignInOutcome> {
    const res = await fetch('/api/auth/sign-in/email', {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (res.status === 429) return 'too_many';
    if (res.status === 401 || res.status === 403 || res.status === 400) return 'wrong';
    if (!res.ok) return 'failed';
    return (await load()) ? 'ok' : 'wrong';
  }

  async function signOut(): Promise<void> {
    await fetch('/api/auth/sign-out', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: '{}' });
    me.value = null;
  }

  const role = computed<Role | null>(() => me.value?.role ?? null);
  const hasRole = (roles: readonly Role[] | undefined) => !roles || (role.value !== null && roles.includes(role.value));

  return { me, loaded, role, load, signIn, signOut, hasRole };
});
