import { err, fieldError, ok, roles, type FieldError, type Locale, type Result } from '@sarnakh/core';
import { DuplicateEmailError, type User } from '@sarnakh/db';
import { hashPassword } from 'better-auth/crypto';
import { z } from 'zod';
import type { Services } from './services.js';

export const newUserSchema = z.strictObject({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(100),
  password: z.string().min(8).max(128),
  role: z.enum(roles),
});
export type NewUserInput = z.input<typeof newUserSchema>;

/**
 * Create a user who can sign in with email and password. The password is hashed by the auth
 * library's own hasher; the user and credential rows are written in one transaction.
 */
export async function createUserAccount(
  services: Pick<Services, 'users'>,
  input: z.output<typeof newUserSchema>,
  locale: Locale = 'en',
): Promise<Result<User, { code: 'CONFLICT'; fields: FieldError[] }>> {
  try {
    const user = await services.users.create({
      id: crypto.randomUUID(),
      email: input.email.trim().toLowerCase(),
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
    });
    return ok(user);
  } catch (error) {
    if (error instanceof DuplicateEmailError) {
      return err({ code: 'CONFLICT', fields: [{ ...fieldError('email', 'invalid_value', locale), message: duplicateEmail[locale] }] });
    }
    throw error;
  }
}

const duplicateEmail: Record<Locale, string> = {
  en: 'A user with this email already exists.',
  fa: 'کاربری با این ایمیل وجود دارد.',
  ar: 'يوجد مستخدم بهذا البريد الإلكتروني.',
};
