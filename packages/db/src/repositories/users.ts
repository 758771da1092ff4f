import type { AssignableUser, Role, UserDirectory } from '@sarnakh/core';
import type { Kysely } from 'kysely';
import type { SarnakhDatabase } from '../schema.js';

export interface User {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** Already hashed by the auth library: this layer never sees a password. */
  passwordHash: string;
}

export type UserChanges = Partial<Pick<User, 'name' | 'role' | 'active'>>;

const columns = ['id', 'name', 'email', 'role', 'active', 'createdAt', 'updatedAt'] as const;

export class DuplicateEmailError extends Error {
  constructor(readonly email: string) {
    super(`a user with email ${email} exists`);
    this.name = 'DuplicateEmailError';
  }
}

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === '23505';

export function createUserRepository(db: Kysely<SarnakhDatabase>) {
  return {
    async count(): Promise<number> {
      const { n } = await db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      return Number(n);
    },

    async list(): Promise<User[]> {
      return db.selectFrom('users').select(columns).orderBy('createdAt').orderBy('id').execute();
    },

    async get(id: string): Promise<User | null> {
      return (await db.selectFrom('users').select(columns).where('id', '=', id).executeTakeFirst()) ?? null;
    },

    /** The user and the credential account better-auth signs in with, in one transaction. */
    async create(user: NewUser, at = new Date()): Promise<User> {
      try {
        return await db.transaction().execute(async (trx) => {
          const created = await trx
            .insertInto('users')
            .values({ id: user.id, name: user.name, email: user.email, role: user.role, emailVerified: false, createdAt: at, updatedAt: at })
            .returning(columns)
            .executeTakeFirstOrThrow();
          await trx
            .insertInto('accounts')
            .values({
              id: crypto.randomUUID(),
              accountId: user.id,
              providerId: 'credential',
              userId: user.id,
              password: user.passwordHash,
              accessToken: null, refreshToken: null, idToken: null,
              accessTokenExpiresAt: null, refreshTokenExpiresAt: null, scope: null,
              createdAt: at,
              updatedAt: at,
            })
            .execute();
          return created;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new DuplicateEmailError(user.email);
        throw error;
      }
    },

    /**
     * Deactivating a user also ends their sessions, in the same transaction. A change that would
     * leave no active admin is refused: the active admins are locked first, so two admins
     * deactivating each other at once cannot both succeed.
     */
    async update(
      id: string,
      changes: UserChanges,
      passwordHash?: string,
      at = new Date(),
    ): Promise<User | 'not_found' | 'last_admin'> {
      return db.transaction().execute(async (trx) => {
        const admins = await trx
          .selectFrom('users')
          .select('id')
          .where('role', '=', 'admin')
          .where('active', '=', true)
          .orderBy('id')
          .forUpdate()
          .execute();
        const demotes = changes.active === false || (changes.role !== undefined && changes.role !== 'admin');
        if (demotes && admins.length === 1 && admins[0]!.id === id) return 'last_admin';
        const updated = await trx
          .updateTable('users')
          .set({ ...changes, updatedAt: at })
          .where('id', '=', id)
          .returning(columns)
          .executeTakeFirst();
        if (!updated) return 'not_found';
        if (changes.active === false) await trx.deleteFrom('sessions').where('userId', '=', id).execute();
        if (passwordHash !== undefined) {
          await trx
            .updateTable('accounts')
            .set({ password: passwordHash, updatedAt: at })
            .where('userId', '=', id)
            .where('providerId', '=', 'credential')
            .execute();
        }
        return updated;
      });
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;

export function createUserDirectory(db: Kysely<SarnakhDatabase>): UserDirectory {
  return {
    async findUsers(ids): Promise<AssignableUser[]> {
      if (ids.length === 0) return [];
      return db.selectFrom('users').select(['id', 'active']).where('id', 'in', [...ids]).execute();
    },
  };
}
