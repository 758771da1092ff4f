export const roles = ['admin', 'manager', 'agent'] as const;
export type Role = (typeof roles)[number];

/** Who is acting: every data access is decided for an actor, in the data layer. */
export interface Actor {
  userId: string;
  role: Role;
}

/**
 * Which leads an actor may see and change. Agents: the leads they own. Managers: their team's —
 * every lead until teams exist. Admins: every lead.
 */
export type LeadScope = { kind: 'all' } | { kind: 'owned'; ownerId: string };

export function leadScope(actor: Actor): LeadScope {
  switch (actor.role) {
    case 'admin':
    case 'manager':
      return { kind: 'all' };
    case 'agent':
      return { kind: 'owned', ownerId: actor.userId };
  }
}

/** Handing a lead to someone else is a manager's decision; an agent may only keep or take their own. */
export const canAssignToOthers = (actor: Actor): boolean => actor.role !== 'agent';
