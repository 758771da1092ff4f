import { canAssignToOthers, type Actor } from '../auth/roles.js';
import { fieldError, type LeadFailure } from '../errors.js';
import type { Locale } from '../i18n/locales.js';
import type { UserDirectory } from './ports.js';

/**
 * An owner must exist and be active; agents may only own leads themselves (not even "nobody": an
 * unassigned lead would vanish from their view). The system (a null actor) may pick anyone.
 */
export async function checkOwner(
  users: UserDirectory,
  actor: Actor | null,
  ownerId: string | null,
  locale: Locale | undefined,
): Promise<LeadFailure | null> {
  if (actor !== null && ownerId !== actor.userId && !canAssignToOthers(actor)) {
    return { code: 'FORBIDDEN', reason: 'agents can only own leads themselves' };
  }
  if (ownerId === null) return null;
  const [user] = await users.findUsers([ownerId]);
  if (!user) return { code: 'VALIDATION', fields: [fieldError('ownerId', 'unknown_value', locale)] };
  if (!user.active) return { code: 'VALIDATION', fields: [fieldError('ownerId', 'inactive_user', locale)] };
  return null;
}
