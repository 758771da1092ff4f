import { phoneSearchForms, searchKey } from '../normalize/index.js';
import type { LeadWritable } from './lead.js';

type SearchSource = Pick<LeadWritable, 'firstName' | 'lastName' | 'company' | 'email' | 'mobile' | 'phone'>;

/**
 * The text a lead is found by: names, company and email folded to one script, and each phone as
 * the digits people type (989121234567 and 09121234567), so `۰۹۱۲`, `+98 912` and `0912` all match.
 * First and last name come first so a short query can match them by prefix.
 */
export function leadSearchDocument(lead: SearchSource): string {
  const parts: string[] = [];
  for (const text of [lead.firstName, lead.lastName, lead.company, lead.email]) {
    if (text) parts.push(searchKey(text));
  }
  for (const phone of [lead.mobile, lead.phone]) {
    if (phone) parts.push(...phoneSearchForms(phone));
  }
  return parts.filter((p) => p !== '').join(' ');
}
