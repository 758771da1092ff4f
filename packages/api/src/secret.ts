import { randomBytes } from 'node:crypto';
import { createSettingsRepository, type Database } from '@sarnakh/db';

/**
 * The session-signing secret: `SARNAKH_AUTH_SECRET` when set, else one generated on first start
 * and kept in the database, so every server process on it signs and checks cookies alike.
 */
export async function loadAuthSecret(database: Database, fromEnv: string | undefined): Promise<string> {
  if (fromEnv) return fromEnv;
  return createSettingsRepository(database.db).getOrCreate('auth.secret', () => randomBytes(32).toString('base64url'));
}
