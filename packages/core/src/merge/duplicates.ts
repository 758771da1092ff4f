import type { Lead } from '../lead/lead.js';
import { searchKey } from '../normalize/index.js';
import type { DuplicateProbe } from './ports.js';

/** Why two leads look like one person. Numbers and email are strong; name + company is weaker. */
export type DuplicateReason = 'mobile' | 'phone' | 'email' | 'name';

export interface DuplicateCandidate {
  lead: Lead;
  /** The candidate's fields that matched (`mobile`/`phone`: its column that holds one of our numbers). */
  matchedOn: DuplicateReason[];
  strength: 'strong' | 'weak';
}

const present = (values: (string | null)[]): string[] => values.filter((v): v is string => v !== null && v !== '');

/** A person's name as one folded key ("Ali" + "Rezaei" equals "Ali Rezaei" + nothing). */
const nameKey = (lead: Pick<Lead, 'firstName' | 'lastName'>): string => searchKey(present([lead.firstName, lead.lastName]).join(' '));

/**
 * The keys to look a lead's duplicates up by. The name probe needs a name and a company: a name
 * alone ("Ali") matches too many people to be worth showing.
 */
export function duplicateProbe(lead: Lead): DuplicateProbe {
  const name = nameKey(lead);
  const company = lead.company ? searchKey(lead.company) : '';
  return {
    phones: [...new Set(present([lead.mobile, lead.phone]))],
    emails: present([lead.email]),
    namePrefix: name !== '' && company !== '' ? `${name} ${company}` : null,
  };
}

/** What `candidate` shares with `lead`, or null when it shares nothing (a prefix that was not a match). */
export function duplicateReasons(lead: Lead, candidate: Lead): DuplicateCandidate | null {
  const probe = duplicateProbe(lead);
  const reasons: DuplicateReason[] = [];
  if (candidate.mobile !== null && probe.phones.includes(candidate.mobile)) reasons.push('mobile');
  if (candidate.phone !== null && probe.phones.includes(candidate.phone)) reasons.push('phone');
  if (candidate.email !== null && probe.emails.includes(candidate.email)) reasons.push('email');
  if (probe.namePrefix !== null && candidate.company && nameKey(candidate) === nameKey(lead) && searchKey(candidate.company) === searchKey(lead.company ?? '')) {
    reasons.push('name');
  }
  if (reasons.length === 0) return null;
  return { lead: candidate, matchedOn: reasons, strength: reasons.some((r) => r !== 'name') ? 'strong' : 'weak' };
}
